// Named people, places and organisations in a text, with compromise (loaded on first use).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface Entities {
  people: string[];
  places: string[];
  organizations: string[];
}

interface View {
  match(pattern: string): { found: boolean };
  people(): { out(kind: "array"): string[] };
  places(): { out(kind: "array"): string[] };
  organizations(): { out(kind: "array"): string[] };
}
let compromise: ((text: string) => View) | null = null;

function load(): (text: string) => View {
  if (compromise === null) compromise = require("compromise") as (text: string) => View;
  return compromise;
}

export function findEntities(text: string): Entities {
  if (text.trim() === "") return { people: [], places: [], organizations: [] };
  const doc = load()(text);
  return {
    people: clean(doc.people().out("array")),
    places: clean(doc.places().out("array")),
    organizations: clean(doc.organizations().out("array")),
  };
}

/** compromise keeps trailing punctuation and possessives ("Powell's,"); strip them and dedupe. */
function clean(names: string[]): string[] {
  const seen = new Set<string>();
  for (const raw of names) {
    const name = raw
      .replace(/[’']s\b/g, "")
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, "")
      .replace(/\.$/, "")
      .trim();
    if (name !== "") seen.add(name);
  }
  return [...seen];
}

/** Whether the text opens with a proper noun (a name, place or organisation), by compromise's
 * tagger: for telling "Reservoirs filled…" from "Okonjo said…" when nothing else tells. */
export function opensWithProperNoun(text: string): boolean {
  if (text.trim() === "") return false;
  // The answer turns on the opening words: remember it for them (tagging costs milliseconds).
  const key = text.split(/\s+/, 2).join(" ");
  const known = openings.get(key);
  if (known !== undefined) return known;
  const found = load()(text).match("^#ProperNoun").found;
  if (openings.size >= MAX_REMEMBERED_OPENINGS) openings.clear();
  openings.set(key, found);
  return found;
}

/** Openings remembered across briefs before the memory starts over. */
const MAX_REMEMBERED_OPENINGS = 5000;
const openings = new Map<string, boolean>();
