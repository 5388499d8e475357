// The language of an article: what its markup says (lang, Content-Language, JSON-LD, og:locale),
// else a guess from its text with franc-min (trigram profiles of the 82 most spoken languages),
// reported as markup writes it: "de", not franc's "deu". Templates ship lang="en" by default, so
// a page marked English whose text reads as another language is taken at its text.
import { franc } from "franc-min";
import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";
import { isEnglishTag } from "../text/english.ts";

/** Below this much text a trigram guess is unreliable: no guess. */
const MIN_CHARS = 200;
/** Overruling the markup takes more text than filling its gap. */
const MIN_CHARS_TO_OVERRULE = 1000;
/** Enough text for a stable guess; more only costs time. */
const MAX_CHARS = 4000;

/** `markup`: the page's own language tag, or null. */
export function articleLanguage(markup: string | null, text: string): string | null {
  const sample = text.slice(0, MAX_CHARS);
  const english = markup !== null && isEnglishTag(markup);
  // Only English is overruled: another language in the markup was chosen by someone, and close
  // languages (Spanish and Portuguese, Indonesian and Malay) share trigrams.
  if (markup !== null && !(english && sample.length >= MIN_CHARS_TO_OVERRULE)) return markup;
  const guess = franc(sample, { minLength: MIN_CHARS });
  if (guess === "und") return markup;
  if (english && guess === "eng") return markup;
  return iso6393To1[guess] ?? guess;
}
