import { type Config, loadConfig } from "../config.ts";
import { followableUrl } from "../ingest/follow.ts";
import { parseOpml, writeOpml } from "../ingest/opml.ts";
import type { AddSourceInput } from "../serve/deps.ts";
import { openStore } from "../store/index.ts";
import { findSection } from "../store/sections.ts";
import { followSource } from "../store/source-actions.ts";
import type { Store } from "../store/store.ts";
import { parseIsoTime, sectionName } from "../types.ts";
import { overwriteLine } from "./terminal.ts";

export function configFrom(db: string | undefined, overrides: Partial<Config> = {}): Config {
  const config = loadConfig(process.env, overrides);
  return db === undefined ? config : { ...config, db };
}

export async function withStore<T>(db: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const RELATIVE = /^(\d{1,4})([hd])$/;

/** A time given on the command line (`digest --since`, `prune --older-than`): an ISO 8601 date or
 * time, or a span back from now ("24h", "7d"). Epoch ms, or null when unreadable. */
export function parseSince(value: string, now: number): number | null {
  const span = RELATIVE.exec(value);
  if (span) return now - Number(span[1]) * (span[2] === "d" ? 24 : 1) * 3_600_000;
  return parseIsoTime(value);
}

/** The URL to store for a source (see followableUrl), or null after saying on stderr why it
 * cannot be followed. */
export function followableOrSay(
  command: string,
  url: string,
  config: Config,
  what = "",
): string | null {
  try {
    return followableUrl(url, config.fetch.allowPrivateHosts);
  } catch (err) {
    process.stderr.write(`${command}: ${what}${(err as Error).message}\n`);
    return null;
  }
}

/** A one-line progress counter, shown only when `stream` (stdout) is a terminal. */
export function progress(
  label: string,
  stream: NodeJS.WriteStream = process.stdout,
): (done: number, total: number) => void {
  if (!stream.isTTY) return () => {};
  return (done, total) => {
    // The guard drops "\r" from plain writes; overwriteLine lets the CLI's own through.
    overwriteLine(stream, `${label} ${done}/${total}`);
    if (done === total) stream.write("\n");
  };
}

/** `value` as a whole number of at least 1 (a `--limit N`), or null. */
export function positiveInteger(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** What the web UI's "add a source" form does: stores the source; the poller fetches it later.
 * `allowPrivateHosts`: the fetcher's, so a source it would refuse is refused here. */
export function sourceAdder(
  store: Store,
  allowPrivateHosts: readonly string[],
): (input: AddSourceInput) => Promise<string> {
  return async (input) => {
    const section = sectionName(input.section);
    const entries =
      input.kind === "opml"
        ? parseOpml(input.opml ?? "").map((f) => ({
            kind: "feed" as const,
            url: f.url,
            title: f.title,
            section: section ?? f.section,
          }))
        : [{ kind: input.kind, url: input.url ?? "", title: null, section }];
    let added = 0;
    let moved = 0;
    for (const entry of entries) {
      const url = followableUrl(entry.url, allowPrivateHosts);
      const { outcome } = await followSource(store, { ...entry, url });
      if (outcome === "added") added++;
      if (outcome === "moved") moved++;
    }
    const note = moved > 0 ? ` ${moved} moved to another section.` : "";
    return `${added} source${added === 1 ? "" : "s"} added; they are fetched on the next poll.${note}`;
  };
}

/** The followed feeds as OPML, for another reader: what `storyline sources --opml` prints and
 * the sources page offers as a download. */
export async function feedsOpml(store: Store): Promise<string> {
  const feeds = (await store.listSources()).filter((s) => s.kind === "feed");
  return writeOpml(feeds.map((s) => ({ title: s.title, url: s.url, section: s.section })));
}

/** The section some source is in, named in any case, or null after saying on stderr that none is. */
export async function sectionOrSay(
  store: Store,
  command: string,
  name: string,
): Promise<string | null> {
  const found = findSection(await store.listSections(), name);
  if (found === undefined)
    process.stderr.write(`${command}: no source is in a section named ${name}\n`);
  return found?.name ?? null;
}
