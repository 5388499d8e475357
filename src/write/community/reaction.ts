// The community response to a story: tone, themes, counts, and the paragraph that describes them.
import { plural } from "../../text/plural.ts";
import { tagText } from "../../text/sentiment.ts";
import { shortened } from "../../text/shorten.ts";
import type { Reaction, Theme, Thread, Tone } from "../../types.ts";
import { findThemes, type ThreadComment } from "./themes.ts";
import { stanceOf, toneOf } from "./tone.ts";
import { isEmpty } from "./toxic.ts";

/** Representative comments are shown whole up to this length, then cut at a word with "…". */
const MAX_SHOWN_CHARS = 220;

const PLATFORM_NAMES: Record<string, string> = {
  hackernews: "Hacker News",
  reddit: "Reddit",
  lemmy: "Lemmy",
};

const TONE_PHRASES: Record<Tone, string> = {
  skeptical: "largely skeptical",
  supportive: "broadly supportive",
  concerned: "marked by concern",
  divided: "divided",
  neutral: "mostly neutral and matter-of-fact",
  critical: "largely critical",
};

/** `outlets`: the story's outlets, which are never a theme (see findThemes). */
export function buildReaction(threads: Thread[], outlets: string[] = []): Reaction | null {
  const items: ThreadComment[] = [];
  for (const thread of threads) {
    for (const comment of thread.comments)
      if (!isEmpty(comment.text)) items.push({ thread, comment, tagged: tagText(comment.text) });
  }
  if (threads.length === 0) return null;
  const tone = toneOf(items.map((it) => stanceOf(it.comment.text, it.tagged.sentiment)));
  const titles = [...new Set(threads.map((t) => t.title ?? ""))].map(tagText);
  const themes = findThemes(items, titles, outlets);
  return {
    tone,
    threadCount: threads.length,
    commentCount: items.length,
    themes,
    text: describe(threads, items.length, tone, themes),
  };
}

function describe(threads: Thread[], comments: number, tone: Tone, themes: Theme[]): string {
  const platforms = [...new Set(threads.map((t) => PLATFORM_NAMES[t.platform] ?? t.platform))];
  const where = joinList(platforms);
  const counts = `${plural(comments, "comment")} across ${plural(threads.length, "thread")}`;
  if (comments === 0)
    return `The story has been posted on ${where} (${plural(threads.length, "thread")}), with no discussion yet.`;
  const parts = [`The community response on ${where} (${counts}) has been ${TONE_PHRASES[tone]}.`];
  if (themes.length > 0) {
    // "of comments" once: the other shares read the same way.
    const listed = themes.map(
      (t, i) => `${t.label} (${Math.round(t.share * 100)}%${i === 0 ? " of comments" : ""})`,
    );
    parts.push(`Discussion centred on ${joinList(listed)}.`);
    const first = themes[0]!;
    const who = first.comment.author ? `${first.comment.author} wrote` : "One commenter wrote";
    parts.push(
      `On ${first.label}, ${who}: “${shortened(first.comment.text.replace(/\s+/g, " ").trim(), MAX_SHOWN_CHARS)}”`,
    );
  }
  return parts.join(" ");
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
