// A throwaway HTTP server on 127.0.0.1 for the fetcher tests; it records every request it sees.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_FETCH, type FetchConfig } from "../../config.ts";

export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  port: number;
  /** Paths requested, in order. */
  requests: string[];
  /** Request headers, in order. */
  headers: IncomingMessage["headers"][];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: string[] = [];
  const headers: IncomingMessage["headers"][] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    headers.push(req.headers);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Short timeouts for the stall tests, so the suite stays quick. */
export const SHORT_TIMEOUTS = { connectTimeoutMs: 300, headersTimeoutMs: 300, bodyTimeoutMs: 300 };

/** Loopback allowed; timeouts loose enough that a loaded machine does not fail ordinary tests. */
export function testConfig(overrides: Partial<FetchConfig> = {}): FetchConfig {
  return {
    ...DEFAULT_FETCH,
    allowPrivateHosts: ["127.0.0.1"],
    connectTimeoutMs: 3000,
    headersTimeoutMs: 3000,
    bodyTimeoutMs: 3000,
    maxBytes: 1024 * 1024,
    perHostDelayMs: 0,
    perHostConcurrency: 4,
    respectRobots: false,
    ...overrides,
  };
}

/** Writes `next()` chunks honouring backpressure until it returns null or the client leaves. */
export function streamChunks(res: ServerResponse, next: () => Buffer | null): void {
  let gone = false;
  res.on("close", () => {
    gone = true;
  });
  const pump = () => {
    while (!gone) {
      const chunk = next();
      if (!chunk) return void res.end();
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
  };
  pump();
}
