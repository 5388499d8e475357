// Per-host politeness: at most `concurrency` requests in flight to one host, and at least `delayMs`
// between the starts of two requests to it. Waiters are served first come, first served.

/** Hosts idle for this long are forgotten, so a long run over many hosts does not grow the map. */
const IDLE_HOST_FORGET_MS = 10 * 60_000;
/** A robots.txt Crawl-delay is honoured up to a minute; beyond that one host's queue would stall
 *  every caller waiting on it, and we poll each feed only every few minutes anyway. */
export const MAX_CRAWL_DELAY_MS = 60_000;

interface HostState {
  active: number;
  lastStart: number;
  /** Crawl-delay asked for by the host's robots.txt, if longer than our own delay. */
  delayMs: number;
  waiters: Array<() => void>;
  timer: NodeJS.Timeout | null;
}

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private closed = false;

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  /** Runs `task` once the host has a free slot and its delay has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(host);
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  /** Raises the gap between request starts for one host (robots.txt Crawl-delay), within bounds. */
  setCrawlDelay(host: string, ms: number): void {
    this.state(host).delayMs = Math.max(this.delayMs, Math.min(ms, MAX_CRAWL_DELAY_MS));
  }

  /** Cancels pending timers and lets every waiting task run at once (they then fail fast on a
   *  closed agent) so that nobody awaits a fetch forever. */
  close(): void {
    this.closed = true;
    for (const s of this.hosts.values()) {
      if (s.timer) clearTimeout(s.timer);
      for (const wake of s.waiters.splice(0)) wake();
    }
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      this.forgetIdle();
      s = {
        active: 0,
        lastStart: Number.NEGATIVE_INFINITY,
        delayMs: this.delayMs,
        waiters: [],
        timer: null,
      };
      this.hosts.set(host, s);
    }
    return s;
  }

  private acquire(host: string): Promise<void> {
    const s = this.state(host);
    return new Promise((resolve) => {
      s.waiters.push(resolve);
      this.pump(s);
    });
  }

  private release(host: string): void {
    const s = this.hosts.get(host);
    if (!s) return;
    s.active--;
    this.pump(s);
  }

  private pump(s: HostState): void {
    if (this.closed) {
      for (const wake of s.waiters.splice(0)) wake();
      return;
    }
    if (s.timer) return;
    while (s.waiters.length > 0 && s.active < Math.max(1, this.concurrency)) {
      const wait = s.lastStart + s.delayMs - Date.now();
      if (wait > 0) {
        s.timer = setTimeout(() => {
          s.timer = null;
          this.pump(s);
        }, wait);
        return;
      }
      s.active++;
      s.lastStart = Date.now();
      s.waiters.shift()!();
    }
  }

  private forgetIdle(): void {
    const now = Date.now();
    for (const [host, s] of this.hosts) {
      const idle = s.active === 0 && s.waiters.length === 0 && !s.timer;
      if (idle && now - s.lastStart > Math.max(IDLE_HOST_FORGET_MS, s.delayMs)) {
        this.hosts.delete(host);
      }
    }
  }
}
