// `storyline eval <what> …`: hands off to the stage that owns the measurement.

export async function run(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  switch (what) {
    case "extraction":
      return (await import("./eval-extraction.ts")).run(rest);
    case "clustering":
      return (await import("./eval-clustering.ts")).run(rest);
    case "briefs":
      return (await import("./eval-briefs.ts")).run(rest);
    default:
      process.stderr.write(
        "usage: storyline eval extraction|clustering|briefs --data PATH [--out FILE]\n",
      );
      return 2;
  }
}
