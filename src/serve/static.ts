// /static: the one stylesheet and the one optional script, read once at start-up.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";

const FILES: Record<string, string> = {
  "app.css": "text/css; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
};

export function staticRoutes(): Hono {
  const dir = join(import.meta.dirname, "static");
  const loaded = new Map(
    Object.entries(FILES).map(([name, type]) => {
      const body = readFileSync(join(dir, name));
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"`;
      return [name, { body, type, etag }] as const;
    }),
  );
  const app = new Hono();
  app.get("/static/:name", (c) => {
    const file = loaded.get(c.req.param("name"));
    if (!file) return c.notFound();
    c.header("ETag", file.etag);
    c.header("Cache-Control", "public, max-age=3600");
    if (c.req.header("if-none-match") === file.etag) return c.body(null, 304);
    return c.body(new Uint8Array(file.body), 200, { "Content-Type": file.type });
  });
  return app;
}
