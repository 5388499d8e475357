import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import type { LlmConfig } from "../../config.ts";
import { writeBrief } from "../brief.ts";
import { damStory, opinionColumn, storyOf } from "../fixtures.ts";
import { writeBriefWithLlm } from "./writer.ts";

const { story, articles } = damStory();
const input = { story, articles, threads: [], previous: null };

interface Seen {
  url: string;
  model: string;
  prompt: string;
}
let answer: (numbered: Map<string, number>) => { status: number; body: string };
const seen: Seen[] = [];
let server: Server;
let llm: LlmConfig;

/** Source sentence numbers by their opening words, read from the prompt the writer sent. */
function numbering(prompt: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of prompt.split("\n")) {
    const m = /^\[(\d+)\] (.*)$/.exec(line);
    if (m) out.set(m[2]!.split(" ").slice(0, 4).join(" "), Number(m[1]));
  }
  return out;
}

function reply(content: string): { status: number; body: string } {
  return {
    status: 200,
    body: JSON.stringify({ choices: [{ message: { role: "assistant", content } }] }),
  };
}

before(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      const body = JSON.parse(raw) as { model: string; messages: Array<{ content: string }> };
      const prompt = body.messages[body.messages.length - 1]!.content;
      seen.push({ url: req.url ?? "", model: body.model, prompt });
      const out = answer(numbering(prompt));
      res.writeHead(out.status, { "content-type": "application/json" });
      res.end(out.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  llm = { url: `http://127.0.0.1:${port}`, model: "test-model", apiKey: null };
});

after(() => server.close());

test("supported sentences are kept with their citations' articles; unsupported ones are dropped", async () => {
  answer = (n) => {
    const spill = n.get("Engineers opened the spillway")!;
    const shelter = n.get("The county set up")!;
    const farmers = n.get("Farmers along the river")!;
    return reply(
      [
        `Engineers opened the Riverton Dam spillway on Tuesday after heavy rain pushed the reservoir to a record level [${spill}].`,
        `The county set up an emergency shelter for displaced residents in the high school gymnasium [${shelter}].`,
        "The dam is expected to hold through the weekend.", // cites nothing
        `Engineers said the dam will be demolished next year [${farmers}].`, // cites a sentence that does not say it
        `The county set up an emergency shelter with 300 beds in the high school gymnasium [${shelter}].`, // adds a number
        `Engineers opened the spillway after Governor Maria Lopez ordered it [${spill}].`, // adds a name
        `Engineers did not open the Riverton Dam spillway on Tuesday [${spill}].`, // turned around
      ].join(" "),
    );
  };
  const brief = await writeBriefWithLlm(input, llm);
  assert.equal(seen.at(-1)?.url, "/v1/chat/completions");
  assert.equal(seen.at(-1)?.model, "test-model");
  const sentences = brief.paragraphs.flatMap((p) => p.sentences);
  const generated = sentences.filter((s) => s.kind === "lead" || s.kind === "fact");
  assert.deepEqual(
    generated.map((s) => s.text),
    [
      "Engineers opened the Riverton Dam spillway on Tuesday after heavy rain pushed the reservoir to a record level.",
      "The county set up an emergency shelter for displaced residents in the high school gymnasium.",
    ],
  );
  assert.deepEqual([...generated[0]!.articleIds].sort(), ["a1", "a2", "a3", "a4"]);
  assert.deepEqual(generated[1]!.outlets, ["Press Wire"]);
  assert.match(generated[1]!.rendered, /^According to Press Wire, /);
  assert.ok(!sentences.some((s) => /300|demolished|Lopez|weekend|did not/.test(s.text)));
});

test("an answer with too few supported sentences falls back to the extractive brief", async () => {
  answer = () => reply("The dam is fine. Everything is great [99].");
  assert.deepEqual(await writeBriefWithLlm(input, llm), writeBrief(input));
});

test("a failing endpoint falls back to the extractive brief", async () => {
  answer = () => ({ status: 500, body: "oops" });
  assert.deepEqual(await writeBriefWithLlm(input, llm), writeBrief(input));
  answer = () => ({ status: 200, body: "not json" });
  assert.deepEqual(await writeBriefWithLlm(input, llm), writeBrief(input));
});

test("without a configured url no request is made", async () => {
  const before = seen.length;
  assert.deepEqual(await writeBriefWithLlm(input, { ...llm, url: null }), writeBrief(input));
  assert.equal(seen.length, before);
});

test("an opinion piece is listed under opinion only, not under more coverage too", async () => {
  answer = (n) =>
    reply(
      [
        `Engineers opened the Riverton Dam spillway on Tuesday after heavy rain pushed the reservoir to a record level [${n.get("Engineers opened the spillway")}].`,
        `The county set up an emergency shelter for displaced residents in the high school gymnasium [${n.get("The county set up")}].`,
      ].join(" "),
    );
  const column = opinionColumn();
  const mixed = [...articles, column];
  const brief = await writeBriefWithLlm(
    { story: storyOf(mixed), articles: mixed, threads: [], previous: null },
    llm,
  );
  assert.ok(brief.paragraphs[0]!.sentences[0]!.text.startsWith("Engineers opened"), "LLM brief");
  assert.deepEqual(
    brief.opinion?.map((c) => c.articleId),
    ["op1"],
  );
  assert.ok(brief.moreCoverage.every((c) => c.articleId !== "op1"));
});
