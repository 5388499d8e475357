// Turns chosen units into the brief's paragraphs: lead, details, quotes, context, outlook,
// each sentence attributed to every article that carries it.
import {
  articleDay,
  type BriefParagraph,
  type BriefSentence,
  type SentenceKind,
} from "../types.ts";
import { attributed, contradiction, NAME_AT_MOST, outletPhrase, supportOf } from "./attribute.ts";
import { kindOf } from "./classify.ts";
import { type Development, dayLabel } from "./developments.ts";
import { type Candidate, type Evidence, fullNameOf, openingSurname } from "./evidence.ts";
import type { Unit } from "./select.ts";

/** Details are split into paragraphs of at most this many sentences. */
const DETAIL_PARAGRAPH_SENTENCES = 3;

interface Placed {
  candidate: Candidate;
  kind: SentenceKind;
  /** Set on the second of two sentences that report different figures. */
  contrast: boolean;
}

export function placeUnits(ev: Evidence, units: Unit[]): Placed[][] {
  const taken = new Set(units.flat().map((c) => c.index));
  return units.map((unit, i) => {
    const kind: SentenceKind = i === 0 ? "lead" : kindOf(unit.map((c) => c.text).join(" "));
    const placed: Placed[] = unit.map((c, j) => ({
      candidate: c,
      kind: i === 0 && j > 0 ? "fact" : kind,
      contrast: false,
    }));
    for (const c of unit) {
      const other = contradiction(ev, c);
      if (other && !taken.has(other.index)) {
        taken.add(other.index);
        placed.push({ candidate: other, kind: i === 0 ? "fact" : kind, contrast: true });
      }
    }
    return placed;
  });
}

export function toSentence(ev: Evidence, p: Placed): BriefSentence {
  const support = supportOf(ev, p.candidate);
  return {
    text: p.candidate.text,
    rendered: p.candidate.text,
    kind: p.kind,
    articleIds: support.articleIds,
    outlets: support.outlets,
    singleSource: support.outlets.length === 1,
  };
}

export function paragraphsOf(
  ev: Evidence,
  placedUnits: Placed[][],
  hasCommunity: boolean,
  update: Development | null = null,
): BriefParagraph[] {
  const groups: Record<"lead" | "details" | "quotes" | "context" | "outlook", Placed[][]> = {
    lead: [],
    details: [],
    quotes: [],
    context: [],
    outlook: [],
  };
  placedUnits.forEach((unit, i) => {
    const kind = unit[0]!.kind;
    if (i === 0) groups.lead.push(unit);
    else if (kind === "quote" || kind === "reaction") groups.quotes.push(unit);
    else if (kind === "context") groups.context.push(unit);
    else if (kind === "outlook") groups.outlook.push(unit);
    else groups.details.push(unit);
  });
  // What most outlets report comes first; what only one reports follows.
  const breadth = (u: Placed[]) => supportOf(ev, u[0]!.candidate).outlets.length;
  const place = (u: Placed[]) => u[0]!.candidate.articleOrder * 1e4 + u[0]!.candidate.position;
  groups.details.sort((a, b) => breadth(b) - breadth(a) || place(a) - place(b));
  const opening = [...groups.lead.flat().map((p) => p.candidate), ...(update?.unit ?? [])];
  introduceBeforeSurname(groups, opening.map((c) => c.text).join(" "), ev.common);
  const out: BriefParagraph[] = [];
  const named = new Set<string>();
  const push = (role: BriefParagraph["role"], units: Placed[][]) => {
    if (units.length > 0) out.push({ role, sentences: render(ev, units.flat(), named) });
  };
  push("lead", groups.lead);
  if (update) out.push({ role: "details", sentences: renderUpdate(ev, update, named) });
  for (let i = 0; i < groups.details.length; ) {
    const chunk: Placed[][] = [];
    let n = 0;
    while (
      i < groups.details.length &&
      (n === 0 || n + groups.details[i]!.length <= DETAIL_PARAGRAPH_SENTENCES)
    ) {
      n += groups.details[i]!.length;
      chunk.push(groups.details[i++]!);
    }
    push("details", chunk);
  }
  if (hasCommunity) out.push({ role: "community", sentences: [] });
  push("quotes", groups.quotes);
  push("context", groups.context);
  push("outlook", groups.outlook);
  return out;
}

type Body = "details" | "quotes" | "context" | "outlook";
const BODY: Body[] = ["details", "quotes", "context", "outlook"];

/** "Koivisto said the team had identified two enzymes…" ahead of "…said Dr Sanna Koivisto, the
 * microbiologist who led the research": a sentence that names someone by surname alone, before
 * the brief has given the full name, moves to just after the sentence that gives it. The
 * sentences stay verbatim; only their order changes. `opening`: the text of the lead and update,
 * which stay. */
function introduceBeforeSurname(
  groups: Record<Body, Placed[][]>,
  opening: string,
  common: Set<string>,
): void {
  const textOf = (u: Placed[]) => u.map((p) => p.candidate.text).join(" ");
  const order = BODY.flatMap((role) => groups[role].map((unit) => ({ role, unit })));
  // Each unit moves at most once: two that each name the other's person in full would swap forever.
  const moved = new Set<Placed[]>();
  for (let i = 0; i < order.length; i++) {
    if (moved.has(order[i]!.unit)) continue;
    const surname = openingSurname(textOf(order[i]!.unit), common);
    if (surname === null) continue;
    const full = fullNameOf(surname);
    if (full.test(opening) || order.slice(0, i + 1).some((x) => full.test(textOf(x.unit))))
      continue;
    const at = order.findIndex((x, k) => k > i && full.test(textOf(x.unit)));
    if (at < 0) continue;
    const [unit] = order.splice(i, 1);
    moved.add(unit!.unit);
    // The introducing unit is now at at - 1; the moved one follows it, in its paragraph.
    order.splice(at, 0, { role: order[at - 1]!.role, unit: unit!.unit });
    i--;
  }
  for (const role of BODY) groups[role] = order.filter((x) => x.role === role).map((x) => x.unit);
}

/** Attributes each sentence: the brief's first mention of an outlet (or set of outlets) leads
 * with "According to …"; a sentence whose outlets are all named already carries them in a short
 * parenthesis before its full stop, so the same opening phrase never repeats. */
function render(ev: Evidence, placed: Placed[], named: Set<string>): BriefSentence[] {
  let previous = "";
  return placed.map((p, i) => {
    const s = toSentence(ev, p);
    const known = s.outlets.every((o) => named.has(o));
    const repeat = !p.contrast && known;
    const key = s.outlets.join("\u0000");
    // A run of sentences from the same outlets in one paragraph is attributed once, at its first
    // sentence: no "(Outlet)" twice in a row. Figures set side by side keep theirs.
    const contrasted = p.contrast || placed[i + 1]?.contrast === true;
    if (repeat && key === previous && !contrasted) s.rendered = s.text;
    else {
      const phrase = attributed(s.text, s.outlets, repeat, ev.common, ev.names);
      s.rendered =
        p.contrast && phrase.startsWith("According") ? `By contrast, a${phrase.slice(1)}` : phrase;
    }
    s.rendered = closed(s.rendered);
    previous = key;
    // "reporting from 4 outlets" names none of them.
    if (s.outlets.length <= NAME_AT_MOST) for (const o of s.outlets) named.add(o);
    return s;
  });
}

/** The latest day's new fact, labelled with its day and the outlets that reported it that day:
 * "Update, 24 November (The Herald): …", after the sentence it leans on when it cannot stand
 * alone (then the label goes on that one, and the fact is attributed only if other outlets carry
 * it). An earlier report of the same words (a promise, before it was kept) is not this day's news. */
function renderUpdate(ev: Evidence, update: Development, named: Set<string>): BriefSentence[] {
  const sentences = update.unit.map((candidate) =>
    onDay(ev, toSentence(ev, { candidate, kind: "fact", contrast: false }), update.day),
  );
  const labelled = sentences[0]!.outlets.join("\u0000");
  return sentences.map((s, i) => {
    if (i === 0)
      s.rendered = `Update, ${dayLabel(update.day)} (${outletPhrase(s.outlets)}): ${s.text}`;
    else if (s.outlets.join("\u0000") !== labelled) {
      const known = s.outlets.every((o) => named.has(o));
      s.rendered = attributed(s.text, s.outlets, known, ev.common, ev.names);
    }
    s.rendered = closed(s.rendered);
    if (s.outlets.length <= NAME_AT_MOST) for (const o of s.outlets) named.add(o);
    return s;
  });
}

/** The sentence's support narrowed to the articles published on `day` (its own article always). */
function onDay(ev: Evidence, s: BriefSentence, day: string): BriefSentence {
  const [own, ...rest] = s.articleIds;
  const articleIds = [
    own!,
    ...rest.filter((id) => {
      const a = ev.byId.get(id);
      return a !== undefined && articleDay(a) === day;
    }),
  ];
  const outlets = [...new Set(articleIds.map((id) => ev.outletOf.get(id)!))];
  return { ...s, articleIds, outlets, singleSource: outlets.length === 1 };
}

/** A standfirst or caption-like line has no full stop of its own; in running prose it needs one,
 * or it runs into the next sentence ("…to live longer According to …"). */
export function closed(rendered: string): string {
  return /[.!?…。！？]["”’)\]」』）]*$/u.test(rendered) ? rendered : `${rendered}.`;
}
