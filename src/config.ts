// Configuration is read once, here, into a typed object and passed down. No stage reads process.env.

export interface FetchConfig {
  /** Hostnames or IP literals that may be fetched even though they are private (tests, demo). */
  allowPrivateHosts: string[];
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  perHostConcurrency: number;
  perHostDelayMs: number;
  respectRobots: boolean;
}

export interface LlmConfig {
  url: string | null;
  model: string;
  apiKey: string | null;
}

export interface Config {
  /** SQLite file path, or a postgres:// URL. */
  db: string;
  fetch: FetchConfig;
  /** Ask Hacker News and Reddit whether new articles are being discussed. */
  discoverThreads: boolean;
  /** Base URLs of the thread APIs (overridable so tests can point them at loopback servers). */
  threadApis: { hackernewsSearch: string; hackernewsItems: string; reddit: string };
  llm: LlmConfig;
  /** Token required for admin actions when the server listens beyond loopback. */
  adminToken: string | null;
  /** A queued job whose worker died is handed to another worker after this many seconds. */
  jobExpireSeconds: number;
  /** Days a story is kept after it stopped growing (see store/prune.ts); null keeps everything. */
  keepDays: number | null;
  /** The address readers reach the server at (STORYLINE_PUBLIC_URL), for absolute links in feeds
   * and the API; null takes them from each request's Host header. */
  publicUrl: string | null;
}

export const USER_AGENT = "Storyline/0.1 (+https://github.com/storyline-news/storyline)";

export const DEFAULT_FETCH: FetchConfig = {
  allowPrivateHosts: [],
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: USER_AGENT,
  perHostConcurrency: 2,
  perHostDelayMs: 1_000,
  respectRobots: true,
};

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  const allow = (env.STORYLINE_ALLOW_PRIVATE_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const hostDelay = Number(env.STORYLINE_HOST_DELAY_MS ?? DEFAULT_FETCH.perHostDelayMs);
  return {
    db: env.DATABASE_URL ?? env.STORYLINE_DB ?? "storyline.db",
    fetch: { ...DEFAULT_FETCH, allowPrivateHosts: allow, perHostDelayMs: hostDelay },
    discoverThreads: env.STORYLINE_DISCOVER_THREADS !== "0",
    threadApis: {
      hackernewsSearch: env.STORYLINE_HN_SEARCH_API ?? "https://hn.algolia.com/api/v1",
      hackernewsItems: env.STORYLINE_HN_ITEMS_API ?? "https://hacker-news.firebaseio.com/v0",
      reddit: env.STORYLINE_REDDIT_API ?? "https://www.reddit.com",
    },
    llm: {
      url: env.STORYLINE_LLM_URL ?? null,
      model: env.STORYLINE_LLM_MODEL ?? "llama3.1",
      apiKey: env.STORYLINE_LLM_API_KEY ?? null,
    },
    adminToken: env.STORYLINE_ADMIN_TOKEN ?? null,
    jobExpireSeconds: Number(env.STORYLINE_JOB_EXPIRE_SECONDS ?? 120),
    keepDays: keepDaysFrom(env.STORYLINE_KEEP_DAYS),
    publicUrl: env.STORYLINE_PUBLIC_URL
      ? publicUrlOf(env.STORYLINE_PUBLIC_URL, "config: STORYLINE_PUBLIC_URL")
      : null,
    ...overrides,
  };
}

/** STORYLINE_KEEP_DAYS: unset, empty or 0 keeps everything; anything else must be a number of days,
 * since a typo must not delete the archive. */
function keepDaysFrom(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "" || value.trim() === "0") return null;
  const days = Number(value);
  if (!Number.isFinite(days) || days < 1)
    throw new Error(
      `config: STORYLINE_KEEP_DAYS must be a number of days, 1 or more (got "${value}")`,
    );
  return days;
}

/** A public base URL as links are built against: absolute http(s), without query or credentials,
 * ending in exactly one slash so that a path prefix ("https://x.org/news/") is kept. `name` says
 * where the value came from, for the error. */
export function publicUrlOf(value: string, name: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.username || url.password)
    throw new Error(
      `${name} must be an absolute http(s) URL such as https://news.example.org/ (got "${value}")`,
    );
  return `${url.origin}${url.pathname.replace(/\/*$/, "/")}`;
}

/** The time before which stories go (see keepDays), or null when everything is kept. */
export function keepCutoff(config: Pick<Config, "keepDays">, now: number): string | null {
  return config.keepDays === null
    ? null
    : new Date(now - config.keepDays * 24 * 3_600_000).toISOString();
}
