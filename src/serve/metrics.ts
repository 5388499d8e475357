// Prometheus text exposition: request counts and latency per route, plus store figures.
import type { MiddlewareHandler } from "hono";

/** Latency buckets in seconds, dense around the 20 ms page budget. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

function label(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Series>();
  private readonly startedAt = Date.now();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${label(method)}",route="${label(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const lkey = `route="${label(route)}"`;
    let s = this.latency.get(lkey);
    if (!s) {
      s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.latency.set(lkey, s);
    }
    s.count += 1;
    s.sum += seconds;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
    });
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const t0 = performance.now();
      try {
        await next();
      } finally {
        const route = c.req.routePath && c.req.routePath !== "/*" ? c.req.routePath : "unmatched";
        this.observe(c.req.method, route, c.res.status, (performance.now() - t0) / 1000);
      }
    };
  }

  render(gauges: Record<string, { help: string; value: number }>): string {
    const out: string[] = [
      "# HELP storyline_http_requests_total HTTP requests answered.",
      "# TYPE storyline_http_requests_total counter",
    ];
    for (const [k, v] of this.requests) out.push(`storyline_http_requests_total{${k}} ${v}`);
    out.push(
      "# HELP storyline_http_request_duration_seconds Time to answer a request.",
      "# TYPE storyline_http_request_duration_seconds histogram",
    );
    for (const [k, s] of this.latency) {
      BUCKETS.forEach((b, i) => {
        out.push(`storyline_http_request_duration_seconds_bucket{${k},le="${b}"} ${s.buckets[i]}`);
      });
      out.push(`storyline_http_request_duration_seconds_bucket{${k},le="+Inf"} ${s.count}`);
      out.push(`storyline_http_request_duration_seconds_sum{${k}} ${s.sum}`);
      out.push(`storyline_http_request_duration_seconds_count{${k}} ${s.count}`);
    }
    out.push(
      "# HELP storyline_uptime_seconds Seconds since the server started.",
      "# TYPE storyline_uptime_seconds gauge",
      `storyline_uptime_seconds ${(Date.now() - this.startedAt) / 1000}`,
    );
    for (const [name, g] of Object.entries(gauges)) {
      out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.value}`);
    }
    return `${out.join("\n")}\n`;
  }
}
