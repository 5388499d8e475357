// Whether a page is opinion (a column, an editorial, an op-ed, a letter) rather than a report, from
// what the page says of itself: its schema.org type or genre, its section, its URL, or a label
// before its headline. Written by hand: no maintained library classifies news genres, and the
// signals are declarations, not language.

/** Section names and URL path segments that file opinion. */
const OPINION_SECTION =
  /^(?:opinions?|comment(?:ary| is free)?|commentisfree|editorials?|op-?eds?|letters?(?: to the editor)?|columns?|columnists?|viewpoints?|perspectives?|our view|voices)$/i;
/** URL path segments only: "comment" and "columns" also file readers' comments and data tables. */
const OPINION_PATH =
  /^(?:opinions?|commentisfree|editorials?|op-?eds?|letters-to-the-editor|columnists?|viewpoints?)$/i;
/** "Opinion:", "OPINION |", "Editorial —" before a headline. */
const OPINION_LABEL = /^(?:opinion|editorial|op-?ed|comment|column|letters?)\s*[:|–—-]\s*\S/i;
/** schema.org's own types for it. */
const OPINION_TYPE = /\b(?:OpinionNewsArticle|Opinion)\b/;

export interface OpinionSignals {
  /** The JSON-LD article's @type, genre and articleSection, as found. */
  ldType: string;
  ldGenre: string | null;
  ldSection: string | null;
  /** article:section and the like. */
  metaSection: string | null;
  /** article:opinion, as some publishers state it ("true"). */
  metaOpinion: string | null;
  url: string;
  headline: string | null;
}

export function isOpinionPage(s: OpinionSignals): boolean {
  if (OPINION_TYPE.test(s.ldType)) return true;
  if (s.metaOpinion?.trim().toLowerCase() === "true") return true;
  for (const section of [s.ldGenre, s.ldSection, s.metaSection]) {
    if (section !== null && OPINION_SECTION.test(section.trim())) return true;
  }
  if (s.headline !== null && OPINION_LABEL.test(s.headline.trim())) return true;
  return pathSegments(s.url).some((segment) => OPINION_PATH.test(segment));
}

function pathSegments(url: string): string[] {
  try {
    return new URL(url).pathname.split("/").filter((p) => p !== "");
  } catch {
    return [];
  }
}
