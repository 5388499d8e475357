// For tests: runs a command's run() with what it writes to stdout and stderr captured.

export interface Captured {
  code: number;
  out: string;
  err: string;
}

export async function captured(run: () => Promise<number>): Promise<Captured> {
  const text = { out: "", err: "" };
  const capture = (into: "out" | "err") =>
    ((chunk: string) => {
      text[into] += chunk;
      return true;
    }) as typeof process.stdout.write;
  const { stdout, stderr } = process;
  const writes = { out: stdout.write, err: stderr.write };
  stdout.write = capture("out");
  stderr.write = capture("err");
  try {
    return { code: await run(), ...text };
  } finally {
    stdout.write = writes.out;
    stderr.write = writes.err;
  }
}
