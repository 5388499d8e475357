import assert from "node:assert/strict";
import { test } from "node:test";
import {
  buildEvidence,
  EMAIL_ADDRESS,
  firstPerson,
  isEligible,
  isStandfirst,
  refersBack,
  surnameOf,
  withoutHeadline,
  withoutQuotations,
  withoutRunIn,
} from "./evidence.ts";
import { articleFrom } from "./fixtures.ts";
import { unitFor } from "./select.ts";

/** The candidates of one article with this text. */
function sentencesOf(text: string) {
  const article = articleFrom({
    id: "e1",
    outlet: "Wire",
    url: "https://wire.example/story",
    headline: "Story",
    text,
  });
  return buildEvidence([article]);
}

test("a quotation cut by the splitter is not a sentence of the brief", () => {
  assert.ok(
    isEligible("“We will finish the repairs by spring,” said Mayor Elena Ruiz on Tuesday."),
  );
  assert.ok(
    !isEligible(
      "but it cannot prove itself in February if it does not already look like a winner,” Ruiz said.",
    ),
  );
  assert.ok(
    !isEligible('the dam will hold for another decade at least," the engineer told reporters.'),
  );
});

test("page furniture in plain prose: logins, time zones, bios, credits, notes, error pages", () => {
  for (const line of [
    "Remember my Member ID and password on this computer.",
    "Dates and times are given in Greenwich Mean Time.",
    "Phar Kim Beng is a regular contributor to Asia Times Online.",
    "Some information for this report provided by AFP and AP.",
    "Note: Titles in grey are cameo or bit parts and not counted in totals.",
    "Unfortunately we are unable to process your request at this time.",
    "While this error is usually temporary, please let us know if it continues.",
    "Print Mail Fockers tops the box office at the end of the year.",
    "> Thur., Dec. 9, 2004 Democracy Now! runs the interview in full.",
  ])
    assert.ok(!isEligible(line), line);
  assert.ok(!isEligible("A Debate on the Future of Labor: Is Puerto Rico the Florida of 2004?"));
  assert.ok(!isEligible("11 of 14: the number of wards Marchetti won in the by-election."));
  assert.ok(!isEligible("41.7%: the turnout, the lowest since the city was founded."));
  assert.ok(isEligible("11 of the 14 wards voted for Marchetti in the by-election."));
  assert.ok(!isEligible("The phantom of the opera, is here at the Lyric Theatre tonight!"));
  assert.ok(isEligible("“Why now?” she asked the council at Monday's meeting in the town hall."));
  assert.ok(isEligible("Hackers also took hashed passwords and the last four digits of cards."));
  assert.ok(isEligible("The times are hard for the mill town, the mayor said on Monday."));
});

test("page furniture: view counters and photo credits", () => {
  assert.ok(!isEligible("This story has been viewed 661 times since it was published."));
  assert.ok(!isEligible("Engineers inspect the spillway on Tuesday morning © Getty Images."));
});

test("a standfirst in the first lines counts as a sentence; a headline or a late line does not", () => {
  const standfirst =
    "The county has agreed to rebuild the spillway before the spring floods arrive";
  assert.ok(isStandfirst(standfirst, 1));
  assert.ok(!isStandfirst(standfirst, 7), "only at the top of the page");
  assert.ok(!isStandfirst("Riverton Dam Spillway Opened After Record Rain Across The County", 0));
  assert.ok(!isStandfirst("Dam opened after rain", 0), "too short: a headline");
  assert.ok(!isStandfirst(`${standfirst}.`, 0), "punctuated lines are ordinary sentences");
  assert.ok(
    !isStandfirst("Would be the first engineer ever named to chair the county board", 0),
    "a subheading without its subject is not a sentence",
  );
  assert.ok(isStandfirst("Will Harlow has agreed to chair the county board from the spring", 0));
});

test("a photo caption is not a sentence of the brief; the report below it is", () => {
  const text =
    "Sgt. Frank Ford at Fort Lewis Army base, in Washington, before his deployment to Iraq.\nA veteran sergeant who told his officers that he saw detainees abused was sent home.";
  const [caption, report] = sentencesOf(text).candidates;
  assert.equal(caption!.eligible, false);
  assert.equal(report!.eligible, true);
});

test("a sentence that is only a quotation travels with the sentence naming its speaker", () => {
  const text =
    "“Nothing matters more to us than the safety of our riders,” said the chief executive, Benedikt Hartl. “We are sorry for the worry this will cause.”";
  const ev = sentencesOf(text);
  const [named, bare] = ev.candidates;
  assert.equal(named!.dangling, false);
  assert.equal(bare!.dangling, true);
  assert.deepEqual(
    unitFor(ev, bare!, new Set())?.map((c) => c.index),
    [named!.index, bare!.index],
  );
});

test("a sentence naming a person only by a pronoun needs the one before it", () => {
  const text =
    "Jarek Molnar was on his way to work when two police officers stopped him on the platform. A camera had matched his face to a man wanted for burglary. The cameras scanned about 2.3 million faces during the trial.";
  const [named, unnamed, plain] = sentencesOf(text).candidates;
  assert.equal(named!.dangling, false, "the name comes before the pronoun");
  assert.equal(unnamed!.dangling, true);
  assert.equal(plain!.dangling, false);
});

test("a sentence opening with the surname of someone just introduced, and named nowhere else, needs the introduction", () => {
  const text =
    "The mayor placed the head of procurement, Lars Wendt, on paid leave during the audit. Wendt could not be reached for comment. The audit will take six months.";
  const ev = sentencesOf(text);
  const [introduced, surname] = ev.candidates;
  assert.equal(surname!.dangling, true);
  assert.deepEqual(
    unitFor(ev, surname!, new Set())?.map((c) => c.index),
    [introduced!.index, surname!.index],
  );
  assert.equal(
    surnameOf("The audit takes six months.", "Lars Wendt met The", new Set(["the"])),
    null,
  );
  assert.equal(surnameOf("Wendt could not be reached.", "The mayor spoke.", new Set()), null);
});

test("a pronoun after a first word the story uses as a name has its person", () => {
  const text =
    "Police stopped Jarek Molnar on the platform on Monday. The stop lasted ten minutes. Molnar said his lawyer would appeal the stop. Officers said his face matched a wanted man.";
  const [, , named, unnamed] = sentencesOf(text).candidates;
  assert.equal(named!.dangling, false, "Molnar is a name elsewhere in the story");
  assert.equal(unnamed!.dangling, true, "officers is no one's name");
});

test("'The audit' right after 'an audit' leans on that sentence; 'The cameras' after 'a camera' does not", () => {
  assert.ok(
    refersBack(
      "The audit will be carried out by the National Audit Office.",
      "She signed an order for an independent audit of every city contract.",
    ),
  );
  assert.ok(!refersBack("The audit will take six months.", "She was sworn in on Wednesday."));
  assert.ok(
    !refersBack("The cameras scanned 2.3 million faces.", "A camera had matched his face."),
  );
  const [first, second] = sentencesOf(
    "The mayor ordered an audit of city contracts. The audit will take six months.",
  ).candidates;
  assert.deepEqual([first!.dangling, second!.dangling], [false, true]);
});

test("a wire dateline is not part of the sentence", () => {
  const cases: Array<[string, string]> = [
    [
      "WASHINGTON (AP) -- Sen. Harry Reid won election as leader.",
      "Sen. Harry Reid won election as leader.",
    ],
    [
      "NEW DELHI, Dec. 29 (UPI) -- With the toll soaring, the WHO warned.",
      "With the toll soaring, the WHO warned.",
    ],
    ["CUZCO, Peru (Reuters) - South American leaders met.", "South American leaders met."],
    ["TOKYO - Japan's economy grew.", "Japan's economy grew."],
    ["December 15, 2004 - The consortium announced a study.", "The consortium announced a study."],
    [
      "FREE PRESS COLUMNIST As chief executive, Ballmer cheers.",
      "As chief executive, Ballmer cheers.",
    ],
    ["NASA launched the probe.", "NASA launched the probe."],
    [
      "Launches Beta of New Search Helps Find Information REDMOND, Wash. -- Nov. 11, 2004 -- MSN today debuted a beta.",
      "MSN today debuted a beta.",
    ],
    [
      "Guilty plea in hiring scandal\nFormer CFO likely to help ALEXANDRIA, Va. -- Former CFO Michael Sears pleaded guilty.",
      "Former CFO Michael Sears pleaded guilty.",
    ],
    [
      "He spoke in Texas. Then AUSTIN, Texas -- Officials met.",
      "He spoke in Texas. Then AUSTIN, Texas -- Officials met.",
    ],
    [
      "Friday, Dec 31, 2004,Page 16 Advertising Meet the Fockers claimed the top spot.",
      "Meet the Fockers claimed the top spot.",
    ],
    ["Advertisement The council voted on Monday.", "The council voted on Monday."],
    ["* The new service answers questions.", "The new service answers questions."],
    [
      "Santiago, Chile, Jan. 5 (UPI) -- Chile's former dictator was confined to his home.",
      "Chile's former dictator was confined to his home.",
    ],
    [
      "Port Vila : Vanuatu's Prime Minister was accused here.",
      "Vanuatu's Prime Minister was accused here.",
    ],
    [
      "December 23, 2004 A recently rediscovered asteroid will pass near the Earth.",
      "A recently rediscovered asteroid will pass near the Earth.",
    ],
    [
      "UPDATED: LokiTorrent says it is setting up a legal fund.",
      "LokiTorrent says it is setting up a legal fund.",
    ],
    [
      "Intel Agent Strapped to Gurney and Flown Out of Iraq by U.S. Army After Reporting Torture of Detainees A veteran sergeant was strapped to a gurney.",
      "A veteran sergeant was strapped to a gurney.",
    ],
    [
      "The United Nations Security Council on Monday voted to extend the mission by a year.",
      "The United Nations Security Council on Monday voted to extend the mission by a year.",
    ],
    [
      "Paris, the capital, is hosting the talks - the first in years - this week.",
      "Paris, the capital, is hosting the talks - the first in years - this week.",
    ],
    [
      "By Edward Iwata, USA TODAY Handing down harsh penalties, the Air Force stripped Boeing of contracts.",
      "Handing down harsh penalties, the Air Force stripped Boeing of contracts.",
    ],
    [
      "By the end of the day, Boeing had lost seven contracts.",
      "By the end of the day, Boeing had lost seven contracts.",
    ],
    ["15 December 2004 — The consortium announced a study.", "The consortium announced a study."],
    [
      "NASA launched the probe on Tuesday - a day late.",
      "NASA launched the probe on Tuesday - a day late.",
    ],
    [
      "US officials said the talks - the first in years - went well.",
      "US officials said the talks - the first in years - went well.",
    ],
  ];
  for (const [sentence, text] of cases) assert.equal(withoutRunIn(sentence), text);
});

test("contact lines are page furniture; 'Nor' and 'True,' lean on the sentence before", () => {
  assert.ok(
    !isEligible("Contact MIKE WENDLAND at 313-222-8861 or mwendland@freepress.example today."),
  );
  assert.ok(
    !isEligible("To report a person working illegally, please call or fax the department's line."),
  );
  assert.ok(
    !isEligible("Home > Strategic Program > Initiative for Integration of the region's roads."),
  );
  assert.ok(!isEligible("About MSN MSN attracts more than 360 million unique users a month."));
  assert.ok(isEligible("About 300 people were evacuated from the town on Monday."));
  assert.ok(
    !isEligible("Readers wrote in about a potential asteroid collision:So, the odds are low."),
  );
  assert.ok(isEligible("The ratio was 3:1 at 12:06am, the agency said on Monday."));
  assert.ok(
    !isEligible("Top Money Stories • Summer travel hitting record pace • Cheap AIDS pill works."),
  );
  const text =
    "The new browser blocks pop-up windows by default and has a search box. Nor does the updated rival offer a pop-up blocker for its users. True, the rival made security improvements in August.";
  const [first, nor, granted] = sentencesOf(text).candidates;
  assert.deepEqual([first!.dangling, nor!.dangling, granted!.dangling], [false, true, true]);
});

/** Three sentences of one report: the second leans on the first, the third says what it needs. */
const LEANING: Array<[string, string]> = [
  [
    "a quantifier standing for the noun before; one with its noun",
    "The fire service attended 37 fires involving e-bikes this year. Most started while a battery was charging. Most owners charge their bikes overnight in a hallway.",
  ],
  [
    "'a very different story' differs from the sentence before; 'different from' names its other",
    "For nine years the firm was the success story the city liked to tell. On Monday the company had a very different story to tell. Regulators were given a different story from the one customers heard.",
  ],
  [
    "'the claims' are in the sentences before; 'the claims that…' says them",
    "Two former engineers told the Herald that staff had warned managers in 2025. Kestrel declined to comment on the claims, citing the investigation. Kestrel has denied the claims that it ignored warnings from its staff.",
  ],
];

for (const [name, text] of LEANING) {
  test(`leans on the sentence before: ${name}`, () => {
    const flags = sentencesOf(text).candidates.map((c) => c.dangling);
    assert.deepEqual(flags, [false, true, false]);
  });
}

test("paywall and page-chrome lines are page furniture", () => {
  for (const line of [
    "Want to read the rest of this article and all of Salon for free today?",
    "Or you can join Salon Premium today and read Salon without ads.",
    "Just choose one of the two options below to keep on reading.",
    "By Sidney Blumenthal Dec. 2, 2004 | Who wrote this report on the war?",
  ])
    assert.ok(!isEligible(line), line);
});

test("the page's headline run into the first sentence is cut, after its date or not", () => {
  const headline = "South Asia earthquake and tsunamis";
  assert.equal(
    withoutHeadline(
      `28 December 2004 ${headline} A series of earthquakes hit Southeast Asia.`,
      headline,
    ),
    "A series of earthquakes hit Southeast Asia.",
  );
  assert.equal(
    withoutHeadline(`${headline} Relief Appeal Grows as toll rises.`, headline),
    "Relief Appeal Grows as toll rises.",
  );
  // A sentence that merely opens with the same words goes on in lower case: it is prose.
  assert.equal(
    withoutHeadline(`${headline} have killed thousands across the region.`, headline),
    `${headline} have killed thousands across the region.`,
  );
  assert.equal(
    withoutHeadline("Floods hit the town again.", "Floods"),
    "Floods hit the town again.",
  );
});

test("a sentence in its writer's own voice is first person outside quotation marks", () => {
  assert.ok(
    firstPerson("Madam President, I intend to address the Senate for a period of time today."),
  );
  assert.ok(firstPerson("Our contribution is simply to make it available."));
  assert.ok(firstPerson("We should note that no searcher's information is available to us."));
  assert.ok(!firstPerson('"I will always treasure these years," Powell told reporters on Monday.'));
  assert.ok(!firstPerson("“We are sorry for the worry,” the company said in a statement."));
  assert.ok(!firstPerson("US officials said the talks went well, according to the ministry."));
});

test("a table row or a spec sheet is no sentence; prose dense with figures is", () => {
  assert.ok(
    !isEligible("FoW: 1-93 (Langer, 34.2 ov), 2-119 (Hayden, 43.5 ov), 3-201 (Martyn, 60.1 ov)."),
  );
  assert.ok(
    !isEligible(
      "Diameter: 2.4 m. Span: 5.0 m. Length: 12.0 m. Propellants: Lox/LH2 No Engines: 1.",
    ),
  );
  assert.ok(
    isEligible(
      "Of the younger detainees, 766 were between 16 and 17 years old; 226 were between 13 and 15, and 88 were 12 years old and younger.",
    ),
  );
});

test("an e-mail address is found from the character before its @, not from a long word's start", () => {
  // `[\w.+-]+@…` read a word from each of its characters to its end: time with the square of
  // the word's length, and a page can hold a sentence with a word of a million characters.
  const address = EMAIL_ADDRESS.exec(`Write to ${"j".repeat(5_000)}.doe@example.org about it.`);
  assert.equal(address?.[0], "e@example.o");
  assert.ok(!EMAIL_ADDRESS.test(`A word of ${"a".repeat(5_000)} letters and no address at all.`));
  // Sentences with an address are still page furniture.
  assert.ok(!isEligible("For tickets, write to the box office at tickets@harbourhall.org today."));
  assert.ok(
    !isStandfirst("questions about the closure can be sent to roads@city.gov by residents", 1),
  );
  assert.ok(
    isEligible("The bridge will reopen on Monday after three weeks of repairs, the council said."),
  );
});

test("quotations are cut in one pass, however many opening marks are left unclosed", () => {
  // `text.replace(/“[^”]*”|"[^"]*"/g, " ")` read on from every unclosed opening mark to the end
  // of the text: time with the square of their number. withoutQuotations gives the same text and
  // reads each character at most twice.
  const regex = (t: string) => t.replace(/“[^”]*”|"[^"]*"/g, " ");
  for (const t of [
    'He said “we won” and "I lost" today.',
    "“a “b” c",
    '"a “b" c”',
    "“open",
    '"a" "b',
    "”“”",
  ])
    assert.equal(withoutQuotations(t), regex(t), t);
  const text = `We said “${"a“".repeat(10_000)} and "${'b"c'.repeat(10_000)}`;
  let scanned = 0;
  const indexOf = String.prototype.indexOf;
  String.prototype.indexOf = function (this: string, search: string, from = 0) {
    const at = indexOf.call(this, search, from);
    scanned += (at === -1 ? this.length : at) - from;
    return at;
  };
  let out: string;
  try {
    out = withoutQuotations(text);
  } finally {
    String.prototype.indexOf = indexOf;
  }
  assert.equal(out, regex(text));
  assert.ok(scanned <= 2 * text.length, `${scanned} characters read for ${text.length}`);
  assert.ok(firstPerson(text));
});
