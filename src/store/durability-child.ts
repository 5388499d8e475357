// Child process for durability.test.ts: writes articles and threads forever, printing each
// id only after its write resolved (committed), until the parent kills it with SIGKILL.
// Usage: durability-child.ts <db path> <first number>
import { openStore } from "./index.ts";
import { sampleArticle, sampleThread } from "./sample.ts";

/** Every so many articles, a thread with this many comments (a multi-row transaction). */
const THREAD_EVERY = 5;
const THREAD_COMMENTS = 20;

const [path, first] = process.argv.slice(2);
if (!path || !first) throw new Error("store: usage: durability-child.ts <db> <first>");
const store = await openStore(path);
process.stdout.write("ready\n");
for (let n = Number(first); ; n++) {
  const article = sampleArticle(n, { text: `${"long body text ".repeat(n % 500)}${n}` });
  await store.putArticle(article);
  process.stdout.write(`a ${article.id}\n`);
  if (n % THREAD_EVERY === 0) {
    await store.putThread(sampleThread(`d${n}`, article.canonicalUrl, THREAD_COMMENTS));
    process.stdout.write(`t hackernews:d${n}\n`);
  }
}
