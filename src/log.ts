// One tiny logger: lines to stderr, "level module: message". Quiet in tests unless STORYLINE_LOG is set.

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

let threshold: Level = (process.env.STORYLINE_LOG as Level | undefined) ?? "info";

export function setLogLevel(level: Level): void {
  threshold = level;
}

export function log(level: Level, module: string, message: string): void {
  if (ORDER[level] < ORDER[threshold]) return;
  process.stderr.write(`${level} ${module}: ${message}\n`);
}
