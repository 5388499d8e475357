// Quotations with their speaker: spans in quotation marks next to a speech verb, the speaker a
// named person (or organisation) beside the verb, or a pronoun resolved to the person named last.
import { findEntities } from "../text/entities.ts";
import type { Article } from "../types.ts";

/** Shorter quoted spans are scare quotes or titles, not statements. */
const MIN_QUOTE_WORDS = 5;
/** How far around a quotation the speech verb and speaker may stand. */
const WINDOW_AFTER = 90;
const WINDOW_BEFORE = 140;
/** How far back a pronoun may look for the person it stands for. */
const PRONOUN_LOOKBACK = 250;

const QUOTE_SPAN = /“([^“”]+)”|"([^"]+)"/g;
const SPEECH =
  "said|says|told(?: [a-z]+){0,2}|added|stated|explained|wrote|declared|insisted|warned|argued|noted|announced|asked|replied|continued|according to";
/** Words of a name sit on one line: a paragraph break never joins two names into one. */
/** "Secretary of State Colin Powell", "Bank of England": a title with "of" opens the name. */
const TITLE_OF =
  "(?:(?:Secretary|Minister|Ministry|Department|Chancellor|Director|Bank|University|Prince|Princess|Duke|Duchess|Governor|Commissioner|Chief)[ \\t]+of[ \\t]+)?";
const NAME = `${TITLE_OF}(?:[A-Z][\\p{L}.'’-]*)(?:[ \\t]+(?:[A-Z][\\p{L}.'’-]*|de|van|von|al-?)){0,4}`;
const PRONOUN = "he|she|they|He|She|They";
/** Titles that stand between an employer and a person: "Mariners coach Renata Holm". */
const ROLE =
  "coach|manager|captain|chief|executive|president|leader|spokesman|spokeswoman|spokesperson|minister|secretary|director|chairman|chairwoman|chair|head|founder|mayor|governor|senator|officer|commander|analyst|economist|professor|researcher|inspector|commissioner|boss|owner|striker|defender|goalkeeper|player";
const AFTER_VERB_SUBJECT = new RegExp(
  `^[,.!?]?\\s*(?:${SPEECH})\\s+((?:[a-z]+,?\\s+){0,4})(?:${NAME}\\s+(?:${ROLE})(?:\\s+[a-z]+){0,2}\\s+)?(${NAME})`,
  "u",
);
const AFTER_SUBJECT_VERB = new RegExp(`^[,.!?]?\\s*(${NAME}|${PRONOUN})\\s+(?:${SPEECH})\\b`, "u");
const BEFORE_SUBJECT_VERB = new RegExp(
  `(${NAME}|${PRONOUN})\\s+(?:${SPEECH})(?:\\s+that)?[,:]?\\s*$`,
  "u",
);
/** A name followed by a speech verb anywhere in a stretch of text ("Bracewell said"). */
const LAST_SPEAKER = new RegExp(
  `(${NAME})\\s+(?:said|says|told|added|explained|insisted|warned)\\b`,
  "gu",
);
const BEFORE_ACCORDING = new RegExp(`according to (${NAME})[,:]?\\s*$`, "u");
/** "a spokesman for Keir Starmer", "on behalf of the Prime Minister": the name is whom the
 * speaker speaks for, not the speaker (a comma ends the phrase: "one of the crew, Ada Lind").
 * A role word must open the phrase and stand close to the name: "In a letter to members Lind
 * said" is Lind's. */
const SPEAKS_FOR =
  /\b(?:spokes(?:man|woman|person|people|men|women)|lawyers?|attorneys?|representatives?|aides?|advis[eo]rs?|counsel|solicitors?|agents?|behalf)\s+(?:for|of|to|representing)\s+(?:[a-z]+\s+){0,3}$/i;

/** The name after the speech verb, unless the words skipped before it say it is someone else's. */
function subjectAfterVerb(after: string): string | undefined {
  const m = AFTER_VERB_SUBJECT.exec(after);
  return m && !SPEAKS_FOR.test(m[1]!) ? m[2] : undefined;
}

/** The name before the speech verb, unless the words before it say it is someone else's. */
function subjectBeforeVerb(before: string): string | undefined {
  const m = BEFORE_SUBJECT_VERB.exec(before);
  return m && !SPEAKS_FOR.test(before.slice(0, m.index)) ? m[1] : undefined;
}

/** "Kestrel Pay's chief executive, Lina Sorvik": the possessive names the employer, not the speaker. */
const POSSESSIVE = /['’]s$/;
const APPOSITIVE_NAME = new RegExp(`^[^,\\n]{0,60},[ \\t]+(${NAME})`, "u");

/** The name set off by a comma after a role ("…'s chief executive, Lina Sorvik, said"). */
function appositive(after: string): string | null {
  const m = APPOSITIVE_NAME.exec(after.replace(/^[,.!?]?\s*/, ""));
  return m ? m[1]!.replace(/[.,]$/, "") : null;
}

/** Abbreviated titles whose full stop does not end the sentence. */
const TITLE_ABBREVIATION = /^(?:Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Capt|Prof|Lt|Cpl|Maj|Adm|Rev|Hon)$/;

/** A name's words may carry full stops (initials, "Mrs."), so a match can run into the next
 * sentence: "Doug Kennett. He" is Doug Kennett. */
function toSentenceEnd(name: string): string {
  const words = name.split(/\s+/);
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!;
    const bare = word.slice(0, -1);
    if (word.endsWith(".") && bare.length >= 3 && !TITLE_ABBREVIATION.test(bare))
      return [...words.slice(0, i), bare].join(" ");
  }
  return name;
}

export interface QuoteSpan {
  article: Article;
  text: string;
  /** The name or pronoun beside the speech verb, before resolution. */
  subject: string;
  /** Offset of the quotation in the article text. */
  at: number;
}

/** Quoted spans with a speech verb beside them, in article order (no entity tagging yet: cheap). */
export function quoteSpans(article: Article): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const text = article.text;
  for (const m of text.matchAll(QUOTE_SPAN)) {
    // Shown on its own, a quotation ends without the comma or full stop that tied it into the
    // sentence; an abbreviation's point ("U.S.") and an ellipsis stay.
    const inner = (m[1] ?? m[2] ?? "")
      .trim()
      .replace(/,$/, "")
      .replace(/(?<=[\p{Ll}\d)])\.$/u, "");
    if (inner.split(/\s+/).length < MIN_QUOTE_WORDS || inner.includes("\n")) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const after = text.slice(end, end + WINDOW_AFTER);
    const before = text.slice(Math.max(0, start - WINDOW_BEFORE), start);
    const subject =
      subjectAfterVerb(after) ??
      AFTER_SUBJECT_VERB.exec(after)?.[1] ??
      BEFORE_ACCORDING.exec(before)?.[1] ??
      subjectBeforeVerb(before);
    if (!subject) continue;
    const name = toSentenceEnd(subject);
    const speaker = POSSESSIVE.test(name) ? appositive(after) : name;
    if (!speaker) continue;
    out.push({ article, text: inner, subject: speaker, at: start });
  }
  return out;
}

/** The speaker's name: a pronoun becomes the last person named before the quote (entity
 * tagging, the costly step, runs only then); a surname becomes the full name used earlier. */
export function resolveSpeaker(span: QuoteSpan, budget = { taggerCalls: 3 }): string | null {
  if (/^(he|she|they)$/i.test(span.subject)) {
    const before = span.article.text.slice(Math.max(0, span.at - PRONOUN_LOOKBACK), span.at);
    // "Bracewell said McMillan was preferred. “…,” he said.": a pronoun right after a sentence
    // that reports someone's words continues that speaker, not the last person named.
    const speaker = speakerOf(lastSentence(before));
    if (speaker) return resolveSpeaker({ ...span, subject: speaker }, budget);
    if (budget.taggerCalls-- <= 0) return null;
    const people = findEntities(before).people;
    // The tagger may keep a lower-case title in the name ("general Allan Wagner").
    return people.length > 0
      ? longestFor(people, people[people.length - 1]!).replace(/^(?:\p{Ll}[\p{L}-]*\s+)+/u, "")
      : null;
  }
  const subject = span.subject.replace(/[.,]$/, "");
  const words = subject.split(/\s+/);
  if (/^(The|A|An|This|It|That|Its|Their|His|Her)$/.test(words[0]!)) return null;
  if (words.length >= 2) return subject;
  const full = new RegExp(`${TITLE_OF}(?:[A-Z][\\p{L}'’-]+\\s+){1,3}${subject}\\b`, "u").exec(
    span.article.text,
  );
  if (full) return full[0].replace(/^(Mr|Mrs|Ms|Dr|The)\.?\s+/, "");
  if (budget.taggerCalls-- <= 0) return null;
  const found = findEntities(`${subject} said.`);
  return found.people[0] ?? found.organizations[0] ?? null;
}

/** The last sentence of a stretch of text that ends just before a quotation. */
function lastSentence(before: string): string {
  const parts = before.trimEnd().split(/(?<=[.!?]["”’]?)\s+/);
  return parts[parts.length - 1] ?? "";
}

/** Who a sentence says spoke ("Bracewell said …"), by surname, or null: not a place ("a
 * spokesperson in New Delhi said") and not a pronoun. */
function speakerOf(sentence: string): string | null {
  const matches = [...sentence.matchAll(LAST_SPEAKER)];
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i]!;
    const name = withoutHonorific(m[1]!);
    if (/^(He|She|They|The|It|This|That|A|An)$/.test(name)) continue;
    if (/\b(?:in|at|from|of|to|for|by|on|near)\s+$/.test(sentence.slice(0, m.index))) continue;
    return name;
  }
  return null;
}

/** "Mr Wagner" is Wagner: the name another mention may give in full. */
function withoutHonorific(name: string): string {
  return name.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, "");
}

/** The speakers of one brief's quotes, each named as fully as any of them names that person:
 * "Wagner" or "Mr Wagner" after "Allan Wagner", "Alan Kabakoff" after "Maj. Alan Kabakoff". */
export function fullestNames(speakers: Array<string | null>): Array<string | null> {
  return speakers.map((speaker) => {
    if (!speaker) return speaker;
    const name = withoutHonorific(speaker);
    return speakers.find((other) => other?.endsWith(` ${name}`)) ?? speaker;
  });
}

/** "Powell" after "Colin Powell" was named: prefer the full name. */
function longestFor(people: string[], last: string): string {
  const lastWord = last.split(/\s+/).pop()!;
  let best = last;
  for (const p of people) if (p.endsWith(lastWord) && p.length > best.length) best = p;
  return best;
}
