// The `storyline` command: one subcommand per file in ./commands, loaded on demand so that
// `storyline feed parse` does not pay for the web server's start-up.

import { guardStream } from "./terminal.ts";

type Command = { run(args: string[]): Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  demo: {
    summary: "ingest the bundled fictional corpus and serve it",
    load: () => import("./commands/demo.ts"),
  },
  run: {
    summary: "poll real sources (--opml FILE | --feed URL…) until stopped",
    load: () => import("./commands/run.ts"),
  },
  add: {
    summary: "add a feed, page or discussion-thread URL (or an OPML file) [--section NAME]",
    load: () => import("./commands/add.ts"),
  },
  sources: {
    summary: "list sources and their health; enable, disable, remove, or put in a section",
    load: () => import("./commands/sources.ts"),
  },
  outlets: {
    summary: "describe outlets (import FILE.json: country, ownership, lean) or list them",
    load: () => import("./commands/outlets.ts"),
  },
  stories: {
    summary: "list stories [--section NAME] [--json]",
    load: () => import("./commands/stories.ts"),
  },
  search: {
    summary: "full-text search of articles, by story [--limit N] [--json]",
    load: () => import("./commands/search.ts"),
  },
  story: {
    summary: "show one story's brief [--json|--md]",
    load: () => import("./commands/story.ts"),
  },
  digest: {
    summary:
      "stories updated in a window, widest coverage first [--since 24h|ISO] [--section NAME] [--json]",
    load: () => import("./commands/digest.ts"),
  },
  backup: {
    summary: "copy the SQLite store to a new file, safely while it is in use",
    load: () => import("./commands/backup.ts"),
  },
  prune: {
    summary: "delete stories that stopped growing before a time [--older-than 90d]",
    load: () => import("./commands/prune.ts"),
  },
  serve: {
    summary: "serve the web UI, JSON API and feeds",
    load: () => import("./commands/serve.ts"),
  },
  feed: { summary: "feed parse FILE [--json]", load: () => import("./commands/feed.ts") },
  extract: {
    summary: "extract an article from FILE|URL [--json]",
    load: () => import("./commands/extract.ts"),
  },
  worker: {
    summary: "take jobs from the PostgreSQL queue (--db postgres://… [--concurrency N])",
    load: () => import("./commands/worker.ts"),
  },
  jobs: {
    summary: "show job queue sizes and dead letters (--db postgres://…)",
    load: () => import("./commands/jobs.ts"),
  },
  eval: {
    summary: "eval extraction|clustering|briefs --data …",
    load: () => import("./commands/eval.ts"),
  },
};

const COMMON =
  "Common option: --db FILE|postgres://… (default DATABASE_URL, else STORYLINE_DB, else storyline.db)\n";
/** Commands that print their own, longer help for --help. */
const OWN_HELP = new Set(["serve"]);

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return `usage: storyline <command> [options]\n\ncommands:\n${lines.join("\n")}\n\n${COMMON}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`storyline: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if ((rest.includes("--help") || rest.includes("-h")) && !OWN_HELP.has(name)) {
    process.stdout.write(`storyline ${name}: ${command.summary}\n${COMMON}`);
    return 0;
  }
  return (await command.load()).run(rest);
}

guardStream(process.stdout);
guardStream(process.stderr);

// `storyline stories | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`storyline: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
