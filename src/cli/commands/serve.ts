import { parseArgs } from "node:util";
import { publicUrlOf } from "../../config.ts";
import { startServer } from "../../serve/index.ts";
import { configFrom, feedsOpml, sourceAdder, withStore } from "../shared.ts";

const USAGE = `usage: storyline serve [--db FILE] [--port N] [--host H] [--public-url URL]

  --public-url URL  where readers reach the server (https://news.example.org/news/), or set
                    STORYLINE_PUBLIC_URL. Set it behind a proxy or on a public host: without it,
                    feed and API links follow each request's Host header, which clients can set.
`;

/** `storyline serve [--db FILE] [--port N] [--host H] [--public-url URL]`: reads only; never fetches. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      "public-url": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = configFrom(values.db);
  let publicBaseUrl = config.publicUrl ?? undefined;
  if (values["public-url"] !== undefined) {
    try {
      publicBaseUrl = publicUrlOf(values["public-url"], "--public-url");
    } catch (err) {
      process.stderr.write(`serve: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const loopback =
    values.host === "127.0.0.1" || values.host === "localhost" || values.host === "::1";
  if (!loopback && config.adminToken === null) {
    process.stderr.write(
      "serve: listening beyond loopback needs STORYLINE_ADMIN_TOKEN for admin actions\n",
    );
    return 2;
  }
  // withStore closes it on every path, e.g. when the port is taken.
  return withStore(config.db, async (store) => {
    const server = await startServer({
      store,
      adminToken: config.adminToken,
      port: Number(values.port),
      host: values.host,
      publicBaseUrl,
      onAddSource: sourceAdder(store, config.fetch.allowPrivateHosts),
      feedsOpml: () => feedsOpml(store),
    });
    process.stdout.write(`serving ${config.db} at ${server.url}/\n`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await server.close();
    return 0;
  });
}
