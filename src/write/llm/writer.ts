// The optional LLM writer: the model rewrites numbered source sentences into a brief, citing them;
// sentences that fail the support check are dropped, and the extractive brief is the fallback.
import type { LlmConfig } from "../../config.ts";
import { log } from "../../log.ts";
import type { Brief, BriefParagraph, BriefSentence } from "../../types.ts";
import { attributed, supportOf } from "../attribute.ts";
import { type BriefInput, orderArticles, writeBrief } from "../brief.ts";
import { moreCoverage } from "../coverage.ts";
import { buildEvidence, type Candidate, type Evidence } from "../evidence.ts";
import { chat } from "./client.ts";
import { type Generated, isSupported, parseAnswer } from "./support.ts";

/** Source sentences shown to the model: the most relevant ones. */
const MAX_SOURCE_SENTENCES = 30;
/** Fewer supported sentences than this is not a brief: use the extractive one. */
const MIN_SUPPORTED = 2;

const SYSTEM = [
  "You write short, neutral news briefs from numbered source sentences.",
  "Write 4 to 8 sentences. Use only facts stated in the sources.",
  "End every sentence with the numbers of the source sentences that support it, like [3][7].",
  "Do not add numbers, names or claims that the cited sentences do not contain.",
].join(" ");

export async function writeBriefWithLlm(input: BriefInput, llm: LlmConfig): Promise<Brief> {
  const base = writeBrief(input);
  if (!llm.url) return base;
  const ev = buildEvidence(orderArticles(input.articles));
  const sources = ev.candidates
    .filter((c) => c.eligible && c.original)
    .sort((a, b) => b.relevance - a.relevance || a.index - b.index)
    .slice(0, MAX_SOURCE_SENTENCES);
  let answer: string;
  try {
    answer = await chat(llm, [
      { role: "system", content: SYSTEM },
      { role: "user", content: sources.map((c, i) => `[${i + 1}] ${c.text}`).join("\n") },
    ]);
  } catch (err) {
    log(
      "warn",
      "write",
      `LLM writer failed, using the extractive brief: ${(err as Error).message}`,
    );
    return base;
  }
  const texts = sources.map((c) => c.text);
  const generated = parseAnswer(answer);
  const kept = generated.filter((g) => isSupported(g, texts));
  log("debug", "write", `LLM brief: ${kept.length} of ${generated.length} sentences supported`);
  if (kept.length < MIN_SUPPORTED) return base;
  return withGenerated(base, ev, sources, kept, input);
}

function withGenerated(
  base: Brief,
  ev: Evidence,
  sources: Candidate[],
  kept: Generated[],
  input: BriefInput,
): Brief {
  const sentences: BriefSentence[] = kept.map((g, i) => {
    const cited = g.cited.map((n) => sources[n - 1]!);
    const ids = new Set(cited.flatMap((c) => supportOf(ev, c).articleIds));
    const articleIds = ev.articles.filter((a) => ids.has(a.id)).map((a) => a.id);
    const outlets = [...new Set(articleIds.map((id) => ev.outletOf.get(id)!))];
    return {
      text: g.text,
      rendered: attributed(g.text, outlets, false, ev.common),
      kind: i === 0 ? "lead" : "fact",
      articleIds,
      outlets,
      singleSource: outlets.length === 1,
    };
  });
  const kept_: BriefParagraph[] = base.paragraphs.filter(
    (p) => p.role === "community" || p.role === "quotes",
  );
  const paragraphs: BriefParagraph[] = [
    { role: "lead", sentences: sentences.slice(0, 1) },
    ...(sentences.length > 1 ? [{ role: "details" as const, sentences: sentences.slice(1) }] : []),
    ...kept_,
  ];
  const all = paragraphs.flatMap((p) => p.sentences);
  return {
    ...base,
    paragraphs,
    moreCoverage: moreCoverage(orderArticles(input.articles), all, base.quotes, base.opinion),
  };
}
