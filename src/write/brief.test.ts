import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { Article, Brief, BriefSentence } from "../types.ts";
import { looksLikeHeadline, titleOf } from "./coverage.ts";
import { buildEvidence } from "./evidence.ts";
import {
  articleFrom,
  briefingStory,
  damStory,
  forecastArticles,
  laterArticle,
  loadThreads,
  opinionColumn,
  oppositeArticles,
  polarityArticles,
  promiseArticles,
  recapArticle,
  repeatArticle,
  retractionArticles,
  shareArticles,
  storyOf,
} from "./fixtures.ts";
import { renderBriefText, writeBrief } from "./index.ts";
import { squash } from "./tokens.ts";

const { story, articles } = damStory();
const byId = new Map(articles.map((a) => [a.id, a]));
const brief = writeBrief({ story, articles, threads: loadThreads("skeptical"), previous: null });
const sentences = brief.paragraphs.flatMap((p) => p.sentences);

/** The speakers of the quotes listed under a brief of these articles. */
function speakersOf(list: Article[]): Array<string | null> {
  return writeBrief({
    story: storyOf(list),
    articles: list,
    threads: [],
    previous: null,
  }).quotes.map((q) => q.speaker);
}

/** One outlet's report of a story, published at the given hour of 3 March. */
function report(id: string, outlet: string, headline: string, hour: number, text: string) {
  const at = `2026-03-03T${String(hour).padStart(2, "0")}:00:00.000Z`;
  return articleFrom({
    id,
    outlet,
    url: `https://${id}.example/`,
    headline,
    publishedAt: at,
    text,
  });
}

test("every brief sentence stands verbatim in each article it is attributed to", () => {
  assert.ok(sentences.length >= 4);
  for (const s of sentences) {
    assert.ok(s.articleIds.length > 0);
    assert.ok(squash(byId.get(s.articleIds[0]!)!.text).includes(squash(s.text)), s.text);
    assert.ok(s.rendered.includes(s.text.slice(1, -1)), "rendering keeps the sentence");
  }
});

test("the lead is what most outlets report, attributed to all of them, wire copy counted once", () => {
  const lead = brief.paragraphs[0]!;
  assert.equal(lead.role, "lead");
  const s = lead.sentences[0]!;
  assert.equal(s.kind, "lead");
  assert.match(s.text, /^Engineers opened the spillway/);
  assert.deepEqual([...s.articleIds].sort(), ["a1", "a2", "a3", "a4"]);
  assert.deepEqual([...s.outlets].sort(), ["Northern Times", "Press Wire", "Valley Post"]);
  assert.equal(s.singleSource, false);
  assert.match(s.rendered, /according to reporting from 3 outlets\.$/);
});

test("single-outlet sentences say which outlet; the wire copy's outlet never stands for the wire", () => {
  const shelter = sentences.find((s) => s.text.includes("emergency shelter"));
  assert.ok(shelter);
  assert.deepEqual(shelter.outlets, ["Press Wire"]);
  assert.deepEqual(shelter.articleIds, ["a3", "a4"]);
  assert.match(shelter.rendered, /^According to Press Wire, the county/);
  assert.ok(sentences.every((s) => !s.outlets.includes("Daily Courier")));
});

test("different figures for the same thing are shown side by side, each attributed", () => {
  const i12 = sentences.findIndex((s) => s.text.includes("At least 12 homes"));
  const i40 = sentences.findIndex((s) => s.text.includes("At least 40 homes"));
  assert.ok(i12 >= 0 && i40 >= 0);
  assert.equal(Math.abs(i12 - i40), 1);
  assert.match(sentences[i12]!.rendered, /Northern Times/);
  assert.match(sentences[i40]!.rendered, /Valley Post/);
});

test("quotes are verbatim with their speaker; a pronoun opening is kept next to its antecedent", () => {
  const q = brief.quotes.find((x) => x.text.startsWith("the dam is safe"));
  assert.ok(q);
  assert.equal(q.speaker, "Elena Ruiz");
  assert.equal(q.outlet, "Northern Times");
  assert.ok(byId.get(q.articleId)!.text.includes(q.text));
  const okafor = brief.quotes.find((x) => x.text.startsWith("We have enough beds"));
  assert.equal(okafor?.speaker, "Tom Okafor");
  const she = sentences.findIndex((s) => s.text.startsWith("She told reporters"));
  if (she >= 0) assert.match(sentences[she - 1]!.text, /^Mayor Elena Ruiz/);
});

test("community paragraph, more coverage and timeline are filled", () => {
  assert.equal(brief.reaction?.tone, "skeptical");
  const community = brief.paragraphs.find((p) => p.role === "community");
  assert.equal(community?.summary, brief.reaction?.text);
  const named = new Set(sentences.flatMap((s) => s.outlets));
  for (const c of brief.moreCoverage) assert.ok(!named.has(c.outlet));
  assert.ok(brief.moreCoverage.some((c) => c.outlet === "Daily Courier"));
  assert.equal(brief.timeline.length, 1);
  assert.equal(brief.headline.length > 0, true);
  assert.equal(brief.version, 1);
});

test("writing is deterministic and independent of article order", () => {
  const again = writeBrief({
    story,
    articles: articles.slice().reverse(),
    threads: [],
    previous: null,
  });
  const first = writeBrief({ story, articles, threads: [], previous: null });
  assert.deepEqual(again, first);
});

test("a later article with a new development adds a timeline entry; nothing new adds none", () => {
  const later = [...articles, laterArticle()];
  const next: Brief = writeBrief({
    story: storyOf(later),
    articles: later,
    threads: [],
    previous: brief,
  });
  assert.equal(next.version, 2);
  assert.equal(next.timeline.length, 2);
  assert.match(next.timeline[1]!.text, /crested/);
  assert.deepEqual(next.timeline[1]!.articleIds, ["a6"]);
  const same = writeBrief({ story, articles, threads: [], previous: brief });
  assert.equal(same.timeline.length, 1);
});

test("after a split, timeline entries whose articles all went to the other story are dropped", () => {
  const later = [...articles, laterArticle()];
  const before = writeBrief({
    story: storyOf(later),
    articles: later,
    threads: [],
    previous: null,
  });
  assert.equal(before.timeline.length, 2);
  // Day two's report moved to a story of its own.
  const after = writeBrief({ story, articles, threads: [], previous: before });
  assert.deepEqual(
    after.timeline.map((t) => t.text),
    [before.timeline[0]!.text],
  );
});

test("the text rendering has the headline, attributed paragraphs and more coverage", () => {
  const text = renderBriefText(brief);
  assert.match(text, /^# /);
  assert.match(text, /according to reporting from 3 outlets/);
  assert.match(text, /The community response on Hacker News and Reddit/);
  assert.match(text, /More coverage:\n- Daily Courier/);
});

test("a story without usable sentences gives an empty brief, not an error", () => {
  const empty = writeBrief({ story, articles: [], threads: [], previous: null });
  assert.deepEqual(empty.paragraphs, []);
  assert.equal(empty.headline, story.title);
});

test("no two sentences in a row open with the same attribution", () => {
  let previous = "";
  for (const p of brief.paragraphs) {
    for (const s of p.sentences) {
      const opening = /^(?:By contrast, a|A)ccording to ([^,]+),/.exec(s.rendered)?.[1] ?? "";
      assert.ok(opening === "" || opening !== previous, s.rendered);
      previous = opening;
    }
  }
});

test("a first brief of a two-day story carries day two's new fact, and the next one its report gives, as an update after the lead", () => {
  const later = [...articles, laterArticle()];
  const b = writeBrief({ story: storyOf(later), articles: later, threads: [], previous: null });
  assert.equal(b.version, 1);
  const [lead, update] = b.paragraphs;
  assert.equal(lead?.role, "lead");
  assert.equal(update?.role, "details");
  assert.equal(update?.sentences.length, 2);
  const [u, detail] = update!.sentences as [BriefSentence, BriefSentence];
  assert.match(detail.text, /^County officials lifted the evacuation order/);
  assert.equal(detail.rendered, detail.text, "same report, same outlet: attributed once");
  assert.equal(u.kind, "fact");
  assert.match(u.text, /crested/);
  assert.deepEqual(u.articleIds, ["a6"]);
  const reporter = later.find((a) => a.id === "a6")!;
  assert.equal(b.headline, reporter.headline, "a story that moved on is titled by its update");
  assert.match(
    u.rendered,
    /^Update, 4 March \(Northern Times\): The river below the Riverton Dam crested/,
  );
  const all = b.paragraphs.flatMap((p) => p.sentences);
  assert.equal(all.filter((s) => s.text === u.text).length, 1, "the update is not repeated");
  assert.deepEqual(
    b.timeline.map((t) => [t.at.slice(0, 10), t.text.slice(0, 24)]),
    [
      ["2026-03-03", lead!.sentences[0]!.text.slice(0, 24)],
      ["2026-03-04", "The river below the Rive"],
    ],
    "one entry per day even without a previous brief: the lead, then day two's new fact",
  );
});

test("a later report headlined with a question does not name the story", () => {
  const day2 = { ...laterArticle(), headline: "Will the Riverton Dam hold next spring?" };
  const later = [...articles, day2];
  const b = writeBrief({ story: storyOf(later), articles: later, threads: [], previous: null });
  assert.match(b.paragraphs[1]!.sentences[0]!.rendered, /^Update, 4 March/, "still the update");
  assert.notEqual(b.headline, day2.headline);
  const own = writeBrief({ story: storyOf(articles), articles, threads: [], previous: null });
  assert.equal(b.headline, own.headline, "the lead's own headline, as before day two");
});

test("the dek is a description the brief does not already say", () => {
  // Sites often describe an article by its first sentence: here the update's.
  const day2 = { ...laterArticle() };
  day2.description = day2.sentences[0]!;
  const [first, ...rest] = articles;
  const other = {
    ...first!,
    description: "Residents downstream were told to stay away from the river banks.",
  };
  const later = [other, ...rest, day2];
  const b = writeBrief({ story: storyOf(later), articles: later, threads: [], previous: null });
  const said = b.paragraphs.flatMap((p) => p.sentences.map((x) => x.text));
  assert.ok(said.includes(day2.sentences[0]!), "the update is in the brief");
  assert.equal(b.dek, other.description);
});

test("a second day that only repeats the first adds no update and no timeline entry", () => {
  const again = [...articles, repeatArticle()];
  const b = writeBrief({ story: storyOf(again), articles: again, threads: [], previous: null });
  const rendered = b.paragraphs.flatMap((p) => p.sentences.map((s) => s.rendered));
  assert.ok(
    rendered.every((r) => !r.startsWith("Update,")),
    rendered.join("\n"),
  );
  assert.equal(b.timeline.length, 1);
  assert.notEqual(b.headline, repeatArticle().headline, "no update: the central headline stays");
});

test("a last day with nothing new leaves the update to the latest day that had some", () => {
  const column = { ...opinionColumn(), publishedAt: "2026-03-05T12:00:00.000Z" };
  for (const day3 of [recapArticle(), column]) {
    const list = [...articles, laterArticle(), day3];
    const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
    assert.match(
      b.paragraphs[1]?.sentences[0]?.rendered ?? "",
      /^Update, 4 March \(Northern Times\): The river below the Riverton Dam crested/,
      day3.id,
    );
  }
});

test("no paragraph attributes two sentences in a row with the same parenthesis", () => {
  const later = [...articles, laterArticle()];
  const b = writeBrief({ story: storyOf(later), articles: later, threads: [], previous: null });
  let bare = 0;
  for (const p of [...b.paragraphs, ...brief.paragraphs]) {
    let previous = "";
    for (const s of p.sentences) {
      const paren = /\(([^()]+)\)\.?$/.exec(s.rendered)?.[1] ?? "";
      assert.ok(paren === "" || paren !== previous, s.rendered);
      previous = paren;
      if (s.rendered === s.text) bare++;
    }
  }
  assert.ok(bare > 0, "a run from one outlet is attributed at its first sentence only");
  const she = b.paragraphs.flatMap((p) => p.sentences).find((s) => s.text.startsWith("She told"));
  if (she) assert.equal(she.rendered, she.text);
});

test("a claim that a later report withdrew is left out of the brief", () => {
  const [claim, withdrawal] = retractionArticles();
  const undamaged = /found no damage to the gates of the Riverton Dam/;
  const briefOf = (list: typeof articles) =>
    writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
  const texts = (b: Brief) => b.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
  // Before the second day, the brief carries the first day's claim.
  assert.ok(texts(briefOf([...articles, claim])).some((t) => undamaged.test(t)));
  const both = [...articles, claim, withdrawal];
  const b = briefOf(both);
  assert.ok(!texts(b).some((t) => undamaged.test(t)), texts(b).join("\n"));
  // The withdrawal is the update, and the claim it withdraws does not count as its support.
  const update = b.paragraphs[1]!.sentences[0]!;
  assert.match(update.rendered, /^Update, 4 March \(Valley Post\): .*cracked by floating debris/);
  assert.deepEqual(update.outlets, ["Valley Post"]);
  // Only the withdrawn claim is marked.
  const marked = buildEvidence(both).candidates.filter((c) => c.retracted);
  assert.deepEqual(
    marked.map((c) => c.text),
    [claim.sentences[0]],
  );
});

test("an update that leans on the sentence before it comes with it, and overtakes the forecast", () => {
  const [forecast, kept] = forecastArticles();
  const list = [...articles, forecast, kept];
  const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
  const update = b.paragraphs[1]!.sentences;
  assert.deepEqual(
    update.map((s) => s.text.slice(0, 28)),
    ["The county ordered an indepe", "The inspection will be carri"],
  );
  // Labelled with the day's outlet: the first day's forecast of the same words is not its source.
  assert.match(update[0]!.rendered, /^Update, 4 March \(Northern Times\): The county ordered/);
  assert.deepEqual(update[0]!.outlets, ["Northern Times"]);
  assert.equal(update[1]!.rendered, update[1]!.text, "same outlet: attributed once");
  const texts = b.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
  assert.ok(!texts.some((t) => t.startsWith("The county will order")), texts.join("\n"));
  assert.match(b.timeline.at(-1)!.text, /ordered .* The inspection will be carried out/);
});

test("a description that looked ahead to what the update reports is not the dek", () => {
  const [forecast, kept] = forecastArticles();
  const ahead = {
    ...forecast,
    description:
      "The county will order an inspection of the Riverton Dam spillway gates after the record rain.",
  };
  const now = { ...kept, description: "Engineers begin work." };
  const list = [...articles, ahead, now];
  const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
  assert.equal(b.dek, now.description);
});

test("a promise the update has kept is overtaken like a forecast", () => {
  const [promise, kept] = promiseArticles();
  const list = [...articles, promise, kept];
  const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
  const texts = b.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
  assert.ok(
    texts.some((t) => t.startsWith("The county ordered")),
    texts.join("\n"),
  );
  assert.ok(!texts.some((t) => t.startsWith("The county has promised")), texts.join("\n"));
});

test("a share the update gives again is overtaken: the brief does not print both as current", () => {
  const [before, after] = shareArticles();
  const list = [...articles, before, after];
  const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
  const texts = b.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
  assert.ok(
    texts.some((t) => t.startsWith("Engineers lowered the Riverton reservoir to 45%")),
    texts.join("\n"),
  );
  assert.ok(!texts.some((t) => t.includes("60 per cent")), texts.join("\n"));
  // The first day's other news stays.
  assert.ok(
    texts.some((t) => t.startsWith("Farmers downstream")),
    texts.join("\n"),
  );
});

test("a sentence that repeats the brief does not come back to carry the one after it", () => {
  const standfirst =
    "Fast bowler James Franklin has been ruled out of the first Test with a groin injury";
  const text = `${standfirst}\n\n${standfirst} that has upset the team's preparations. He felt the strain in the final training session before the match.\n\nKyle Mills will take his place in the side.`;
  const list = [report("c1", "Cricket Daily", "Franklin out of first Test", 9, text)];
  const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
  const texts = b.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
  assert.equal(texts.filter((t) => t.includes("has been ruled out")).length, 1, texts.join("\n"));
});

test("a quotation two outlets punctuate differently is listed once", () => {
  const said = "We had chances to win it in 90 minutes and we did not take them";
  const cup = [
    report(
      "c1",
      "Wire",
      "Mariners win the Cup",
      10,
      `Saltmere Mariners beat Northgate Foxes 2-1 after extra time in the Cup final on Tuesday.\n\nNorthgate coach Dmitri Varga said: “${said}.”`,
    ),
    report(
      "c2",
      "Herald",
      "Foxes lose the Cup final",
      11,
      `Northgate Foxes lost the Cup final 2-1 to Saltmere Mariners after extra time on Tuesday.\n\n“${said},” said Foxes coach Dmitri Varga.`,
    ),
  ];
  assert.deepEqual(speakersOf(cup), ["Dmitri Varga"]);
});

test("a speaker quoted by surname in one article and full name in another is named in full", () => {
  const summit = [
    report(
      "s1",
      "Wire",
      "Leaders launch South American bloc at Cuzco summit",
      10,
      "Leaders launched a South American community of nations at a summit in Cuzco on Wednesday.\n\n“Our ultimate goal is a union of South American nations,” said Allan Wagner, the bloc's secretary-general.",
    ),
    report(
      "s2",
      "Herald",
      "South American bloc launched in Cuzco",
      11,
      "A South American community of nations was launched at a summit in Cuzco on Wednesday.\n\n“What we are working on now is a process of convergence,” Wagner said.\n\n“We cannot begin from square one on any of this,” said Mr Wagner.",
    ),
  ];
  assert.deepEqual(speakersOf(summit), ["Allan Wagner", "Allan Wagner", "Allan Wagner"]);
});

test("the headline is the lead's own article's, unless that is a page title", () => {
  assert.ok(looksLikeHeadline("Riverton Dam spillway opened after record rain", "Northern Times"));
  for (const [title, outlet] of [
    ["Taipei Times", "Taipei Times"],
    ["Free Article", "Wall Street Journal"],
    ["Box Office Mojo > People > Michael Keaton", "Box Office Mojo"],
    ["The trusted news source for information on Japan", "Asia Times"],
    ["and 32 Small Ones", "IPS"],
  ] as const)
    assert.ok(!looksLikeHeadline(title, outlet), title);
  // The lead's article gets a headline less central than the others'.
  const lead = brief.paragraphs[0]!.sentences[0]!;
  const retitled = articles.map((a) =>
    a.id === lead.articleIds[0] ? { ...a, headline: "A long week ahead for the county" } : a,
  );
  const b = writeBrief({
    story: storyOf(retitled),
    articles: retitled,
    threads: [],
    previous: null,
  });
  const source = retitled.find((a) => a.id === b.paragraphs[0]!.sentences[0]!.articleIds[0])!;
  assert.equal(b.headline, "A long week ahead for the county");
  assert.equal(source.headline, b.headline);
  // A lead from a page whose title is no headline leaves it to the most central headline.
  const paged = retitled.map((a) => (a.id === source.id ? { ...a, headline: a.outlet } : a));
  const p = writeBrief({ story: storyOf(paged), articles: paged, threads: [], previous: null });
  assert.notEqual(p.headline, source.outlet);
});

test("a page titled with the site's name is headlined by the headline line in its text", () => {
  const article = articleFrom({
    id: "tt1",
    outlet: "taipeitimes.com",
    url: "https://www.taipeitimes.com/News/biz/archives/2004/12/31/fockers",
    headline: "Taipei Times",
    text: [
      "Print Mail `Fockers' tops the box office at year's end",
      "AGENCIES",
      "Friday, Dec 31, 2004,Page 16 Advertising Meet the Fockers claimed the top North American box office spot over the holiday weekend, grossing US$44.7 million.",
      "The sequel to the 2000 comedy Meet the Parents has grossed about US$68.5 million since opening, according to Exhibitor Relations.",
    ].join("\n"),
  });
  const b = writeBrief({
    story: storyOf([article]),
    articles: [article],
    threads: [],
    previous: null,
  });
  assert.equal(b.headline, "`Fockers' tops the box office at year's end");
  assert.match(b.paragraphs[0]!.sentences[0]!.text, /^Meet the Fockers claimed the top/);
});

test("a speaker named with and without a title is one person, under the fuller name", () => {
  const visit = [
    report(
      "v1",
      "Army News",
      "Army medics visit a school in Baghdad",
      10,
      "Army medics examined 300 children at a school in Baghdad on Tuesday.\n\n“It is like fire prevention for the whole neighbourhood,” said Maj. Alan Kabakoff.",
    ),
    report(
      "v2",
      "Desert Post",
      "Medics check children at a Baghdad school",
      11,
      "Medics checked 300 children at a Baghdad school on Tuesday.\n\n“They want safe schools and safe homes to raise their children,” said Alan Kabakoff.",
    ),
  ];
  assert.deepEqual(speakersOf(visit), ["Maj. Alan Kabakoff", "Maj. Alan Kabakoff"]);
});

test("a page title that is the site's name or tagline, or a tail of the headline, gives way to the page's headline line", () => {
  const page = (headline: string, outlet: string, lines: string[]) =>
    articleFrom({
      id: "p1",
      outlet,
      url: "https://site.example/a",
      headline,
      text: lines.join("\n"),
    });
  const body = "Japan will cut its aid to China by a third over five years, the ministry said.";
  assert.equal(
    titleOf(page("The Japan Times Online", "japantimes.com", ["ODA looks wasted on China", body])),
    "ODA looks wasted on China",
  );
  assert.equal(
    titleOf(
      page("The trusted news source for information on Japan", "atimes.com", [
        "Search Asia Times",
        "Japan loses yen to aid China",
        body,
      ]),
    ),
    "Japan loses yen to aid China",
  );
  assert.equal(
    titleOf(
      page("and 32 Small Ones", "ipsnews.net", [
        "INTEGRATION - SOUTH AMERICA :",
        "One Giant Step - and 32 Small Ones",
        body,
      ]),
    ),
    "One Giant Step - and 32 Small Ones",
  );
  assert.equal(
    titleOf(page("MIKE WENDLAND: Ballmer talks up links to the Net", "freep.com", [body])),
    "Ballmer talks up links to the Net",
  );
  // A login page's title is no headline, and its text offers none either.
  assert.equal(titleOf(page("The New York Times > Log In", "nytimes.com", [body])), null);
});

test("a report in another language informs the brief but is not quoted in it; alone, it is", () => {
  const german = {
    ...articleFrom({
      id: "de1",
      outlet: "Nordkurier",
      url: "https://nordkurier.example/damm",
      headline: "Riverton-Damm hält dem Hochwasser stand",
      text: 'Der Riverton-Damm hat dem Rekordhochwasser standgehalten, teilte die Bezirksverwaltung am Dienstag mit. Die Überläufe wurden nach dem Rekordregen geöffnet. "Der Damm wird noch mindestens zehn Jahre halten", sagte Bürgermeisterin Elena Ruiz vor Reportern.',
    }),
    language: "de",
  };
  const mixed = [...articles, german];
  const b = writeBrief({ story: storyOf(mixed), articles: mixed, threads: [], previous: null });
  const all = b.paragraphs.flatMap((p) => p.sentences);
  assert.ok(all.length > 0);
  assert.ok(all.every((s) => !s.articleIds.includes("de1") || s.articleIds.length > 1));
  assert.ok(
    all.every((s) => !german.text.includes(s.text)),
    "no German sentence in the brief",
  );
  assert.ok(b.quotes.every((q) => q.articleId !== "de1"));
  assert.ok(
    b.moreCoverage.some((c) => c.url === german.url),
    "listed under more coverage",
  );

  const alone = writeBrief({
    story: storyOf([german]),
    articles: [german],
    threads: [],
    previous: null,
  });
  assert.match(alone.paragraphs[0]!.sentences[0]!.text, /^Der Riverton-Damm hat/);
});

test("a briefing that takes up the story late lends the brief none of its opening remarks", () => {
  const list = briefingStory();
  const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
  const fromBriefing = b.paragraphs
    .flatMap((p) => p.sentences)
    .filter((s) => s.articleIds.includes("h3"))
    .map((s) => s.text);
  // Its first six sentences (the coastal road, the fisheries talks) share no two words with a
  // sentence of another outlet; its answer on the audit does, and may be chosen.
  assert.ok(
    fromBriefing.every((t) => /berths|Norvik/.test(t)),
    fromBriefing.join("\n"),
  );
});

for (const [what, pair, claimed, other] of [
  ["its negation", polarityArticles, /were not damaged/, /were damaged/],
  ["its opposite", oppositeArticles, /approved the plan/, /rejected the plan/],
] as const) {
  test(`a sentence and ${what} are two claims: each keeps its outlet, and the brief contrasts them`, () => {
    const list = pair();
    const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
    const [claim, contrast] = b.paragraphs[0]!.sentences;
    assert.match(claim!.text, claimed);
    assert.deepEqual(claim!.outlets, ["Valley Post"]);
    assert.match(contrast!.rendered, /^By contrast, according to Northern Times, /);
    assert.match(contrast!.text, other);
  });
}

test("an opinion piece is listed apart, and nothing it argues is told as fact", () => {
  const column = opinionColumn();
  const mixed = [...articles, column];
  const b = writeBrief({ story: storyOf(mixed), articles: mixed, threads: [], previous: null });
  const all = b.paragraphs.flatMap((p) => p.sentences);
  assert.ok(all.length > 0);
  assert.ok(all.every((s) => !s.articleIds.includes("op1") && !column.text.includes(s.text)));
  assert.ok(b.timeline.every((t) => !t.articleIds.includes("op1")));
  assert.ok(b.quotes.every((q) => q.articleId !== "op1"));
  assert.notEqual(b.headline, column.headline);
  assert.deepEqual(
    b.opinion?.map((c) => [c.articleId, c.outlet, c.url]),
    [["op1", "The Evening Column", column.url]],
  );
  assert.ok(
    b.moreCoverage.every((c) => c.articleId !== "op1"),
    "not under more coverage too",
  );

  // A story told only in opinion pieces still gets a brief, from them.
  const alone = writeBrief({
    story: storyOf([column]),
    articles: [column],
    threads: [],
    previous: null,
  });
  assert.match(alone.paragraphs[0]!.sentences[0]!.text, /^The Riverton dam held/);
  assert.deepEqual(alone.opinion, []);
});

test("a story in Japanese is briefed from its own sentences, closed by its own full stops", () => {
  const report = (name: string, outlet: string, day: number) => {
    const [title, ...body] = readFileSync(
      new URL(`../text/testdata/${name}.txt`, import.meta.url),
      "utf8",
    ).split("\n");
    return {
      ...articleFrom({
        id: name,
        outlet,
        url: `https://${outlet.toLowerCase().replace(/ /g, "-")}.example/${name}`,
        headline: title!,
        text: body.join("\n").trim(),
        publishedAt: `2026-11-2${day}T00:00:00.000Z`,
      }),
      language: "ja",
    };
  };
  const list = [
    report("ja-library-fire-a", "Kawabata Shimbun", 1),
    report("ja-library-fire-b", "Aoba Times", 2),
  ];
  const b = writeBrief({ story: storyOf(list), articles: list, threads: [], previous: null });
  const all = b.paragraphs.flatMap((p) => p.sentences);
  assert.ok(all.length >= 3, `${all.length} sentences`);
  for (const s of all) {
    assert.ok(
      list.some((a) => a.text.includes(s.text)),
      s.text,
    );
    assert.doesNotMatch(s.rendered, /。\.|\.$/, s.rendered);
  }
  assert.match(all[0]!.rendered, /^According to Kawabata Shimbun, 青葉県川端市/);
  assert.ok(b.timeline.length === 2);
});
