// storyline outlets [--json]            what you have said about your outlets
// storyline outlets import FILE.json [--replace]
//                                       describe outlets (country, ownership, lean) by domain or
//                                       name; story pages and the API then show who covers each
//                                       story. --replace: the file is the whole list (entries not
//                                       in it are removed); without it, entries are added or updated
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseOutlets } from "../../ingest/outlets.ts";
import { configFrom, withStore } from "../shared.ts";

const USAGE =
  "usage: storyline outlets [--json] | storyline outlets import FILE.json [--replace]   [--db FILE|postgres://…]\n" +
  '  FILE.json: [{ "domain": "theguardian.com", "name": "The Guardian", "country": "GB",\n' +
  '               "ownership": "trust", "lean": "left" }, …]';

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [action, file, ...extra] = positionals;
  if (extra.length > 0 || (action !== undefined && (action !== "import" || !file))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = configFrom(values.db);
  if (action === "import") {
    let outlets: ReturnType<typeof parseOutlets>;
    try {
      outlets = parseOutlets(await readFile(file!, "utf8"));
    } catch (err) {
      process.stderr.write(`${(err as Error).message}\n`);
      return 1;
    }
    await withStore(config.db, (store) => store.putOutlets(outlets, values.replace === true));
    const mode = values.replace ? " (the whole list: others removed)" : "";
    process.stdout.write(`outlets: ${outlets.length} described${mode}\n`);
    return 0;
  }
  return withStore(config.db, async (store) => {
    const outlets = await store.listOutlets();
    if (values.json) {
      process.stdout.write(`${JSON.stringify(outlets, null, 2)}\n`);
      return 0;
    }
    for (const o of outlets) {
      const labels = [o.lean, o.country, o.ownership].map((x) => x ?? "-").join(" · ");
      process.stdout.write(
        `${(o.domain ?? "-").padEnd(28)} ${(o.name ?? "").padEnd(28)} ${labels}\n`,
      );
    }
    return 0;
  });
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: "string" }, json: { type: "boolean" }, replace: { type: "boolean" } },
  });
}
