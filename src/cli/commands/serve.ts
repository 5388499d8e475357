import { parseArgs } from "node:util";
import { startServer } from "../../serve/index.ts";
import { openStore } from "../../store/index.ts";
import { configFrom, feedsOpml, sourceAdder } from "../shared.ts";

/** `storyline serve [--db FILE] [--port N] [--host H]`: reads only; never fetches. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
    },
  });
  const config = configFrom(values.db);
  const loopback =
    values.host === "127.0.0.1" || values.host === "localhost" || values.host === "::1";
  if (!loopback && config.adminToken === null) {
    process.stderr.write(
      "serve: listening beyond loopback needs STORYLINE_ADMIN_TOKEN for admin actions\n",
    );
    return 2;
  }
  const store = await openStore(config.db);
  const server = await startServer({
    store,
    adminToken: config.adminToken,
    port: Number(values.port),
    host: values.host,
    onAddSource: sourceAdder(store, config.fetch.allowPrivateHosts),
    feedsOpml: () => feedsOpml(store),
  });
  process.stdout.write(`serving ${config.db} at ${server.url}/\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  await store.close();
  return 0;
}
