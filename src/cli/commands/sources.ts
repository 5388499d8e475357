import { parseArgs } from "node:util";
import {
  changeSource,
  findSource,
  isSourceAction,
  setSection,
} from "../../store/source-actions.ts";
import { plural } from "../../text/plural.ts";
import { isFinishedThread, type Source, sectionName } from "../../types.ts";
import { configFrom, feedsOpml, withStore } from "../shared.ts";

const USAGE =
  "usage: storyline sources [--all] [--json|--opml]\n" +
  "       storyline sources enable|disable|remove ID|URL…   (IDs as `storyline sources` lists them)\n" +
  '       storyline sources section NAME ID|URL…            (NAME "" takes them out of any)\n';

function health(s: Source): string {
  if (s.disabled) return "DISABLED";
  return s.failureCount > 0 ? `failing ×${s.failureCount}` : "ok";
}

/** `storyline sources [--all] [--json|--opml]`: each source with its health and last error (the
 * discussion threads that went quiet only counted, unless --all), or the feeds as OPML.
 * `storyline sources enable|disable|remove ID|URL…` changes them, and
 * `storyline sources section NAME ID|URL…` puts them in a section. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      all: { type: "boolean" },
      json: { type: "boolean" },
      opml: { type: "boolean" },
    },
  });
  const [action, ...rest] = positionals;
  const section = action === "section" ? rest[0] : undefined;
  const refs = action === "section" ? rest.slice(1) : rest;
  if (
    action !== undefined &&
    ((!isSourceAction(action) && action !== "section") ||
      refs.length === 0 ||
      (action === "section" && section === undefined))
  ) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = configFrom(values.db);
  return withStore(config.db, async (store) => {
    if (action !== undefined) {
      let missing = 0;
      for (const ref of refs) {
        const source = await findSource(store, ref);
        if (source === null) {
          process.stderr.write(`sources: no source ${ref}\n`);
          missing++;
          continue;
        }
        const said = isSourceAction(action)
          ? await changeSource(store, source, action)
          : await setSection(store, source, sectionName(section));
        process.stdout.write(`${said}\n`);
      }
      return missing > 0 ? 1 : 0;
    }
    if (values.opml) {
      process.stdout.write(await feedsOpml(store));
      return 0;
    }
    const sources = await store.listSources();
    if (values.json) {
      process.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
      return 0;
    }
    let quiet = 0;
    for (const s of sources) {
      if (!values.all && isFinishedThread(s)) {
        quiet++;
        continue;
      }
      process.stdout.write(
        `${String(s.id).padStart(4)} ${s.kind.padEnd(6)} ${health(s).padEnd(12)} ${s.url}${s.section === null ? "" : `  [${s.section}]`}\n`,
      );
      if (s.lastError !== null) process.stdout.write(`       last error: ${s.lastError}\n`);
    }
    if (quiet > 0)
      process.stdout.write(
        `${plural(quiet, "discussion thread")} gone quiet and no longer polled: --all lists them\n`,
      );
    if (sources.some((s) => s.disabled))
      process.stdout.write("DISABLED sources are not polled: storyline sources enable ID\n");
    return 0;
  });
}
