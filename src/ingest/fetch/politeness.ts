// Per-host politeness: at most `concurrency` requests in flight to one host, and at least `delayMs`
// between the starts of two requests to it. Waiters are served first come, first served.

/** Hosts idle for this long are forgotten, so a long run over many hosts does not grow the map. */
const IDLE_HOST_FORGET_MS = 60_000;

interface HostState {
  active: number;
  lastStart: number;
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
      s = { active: 0, lastStart: Number.NEGATIVE_INFINITY, waiters: [], timer: null };
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
      const wait = s.lastStart + this.delayMs - Date.now();
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
      if (s.active === 0 && s.waiters.length === 0 && now - s.lastStart > IDLE_HOST_FORGET_MS) {
        this.hosts.delete(host);
      }
    }
  }
}
