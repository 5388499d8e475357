// The sources page and the add-a-source form. Writes are guarded three ways: same-origin check,
// a double-submit CSRF token, and, for anyone not on this machine, the admin token: given once to
// sign in (a session cookie), or with each request (a script's Authorization: Bearer header).

import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  changeSource,
  findSource,
  isSourceAction,
  setSection,
} from "../../store/source-actions.ts";
import { sectionName } from "../../types.ts";
import type { AddSourceInput, Deps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { safeHref } from "../links.ts";
import {
  adminSession,
  failureThrottle,
  isAdminSession,
  isLocalRequest,
  isSameOrigin,
  newToken,
  sameSecret,
} from "../security.ts";
import { layout } from "../views/layout.ts";
import { sourcesPage } from "../views/sources.ts";

const CSRF_COOKIE = "sl_csrf";
const FLASH_COOKIE = "sl_flash";
const ADMIN_COOKIE = "sl_admin";
/** How long an admin sign-in lasts. */
const ADMIN_SESSION_MS = 12 * 3_600_000;
/** Time between two refusals of a wrong admin token (see failureThrottle). */
export const WRONG_TOKEN_GAP_MS = 1_000;

type Throttle = ReturnType<typeof failureThrottle>;
/** An OPML file of a few thousand feeds is well under this. */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;
const MAX_FLASH_CHARS = 500;
/** An action form is a few short fields. */
const MAX_ACTION_BYTES = 4096;

function csrfToken(c: Context): string {
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || !/^[\w-]{20,64}$/.test(token)) {
    token = newToken();
    setCookie(c, CSRF_COOKIE, token, { path: "/sources", httpOnly: true, sameSite: "Strict" });
  }
  return token;
}

function parseInput(form: Record<string, unknown>): AddSourceInput {
  const kind = form.kind;
  const section = sectionName(typeof form.section === "string" ? form.section : null);
  if (kind === "feed" || kind === "page") {
    const url = typeof form.url === "string" ? safeHref(form.url) : null;
    if (!url) throw new HttpError(400, "serve: give an absolute http(s) URL");
    return { kind, url, section };
  }
  if (kind === "opml") {
    const opml = form.opml;
    if (typeof opml === "string" && opml.trim()) return { kind, opml, section };
    if (opml instanceof File) return { kind, opml: "", section }; // read by the caller (async)
    throw new HttpError(400, "serve: attach an OPML file");
  }
  throw new HttpError(400, "serve: unknown source kind");
}

/** Same origin and a fresh form (double-submit CSRF token): what every post here needs. */
function guardForm(c: Context, deps: Deps, form: Record<string, unknown>): void {
  if (!isSameOrigin(c, deps.publicBaseUrl))
    throw new HttpError(403, "serve: cross-site form post refused");
  if (!sameSecret(getCookie(c, CSRF_COOKIE), typeof form.csrf === "string" ? form.csrf : null)) {
    throw new HttpError(403, "serve: the form has expired; reload the page and try again");
  }
}

/** Whether the reader may change sources without giving the token: on this machine, or signed in. */
function isAdmin(c: Context, deps: Deps): boolean {
  return (
    isLocalRequest(c) || isAdminSession(deps.adminToken, getCookie(c, ADMIN_COOKIE), Date.now())
  );
}

/** The admin token's check, with the refusal for a server that has none; a wrong token is refused
 * only after its turn in the throttle. */
async function checkAdminToken(
  deps: Deps,
  throttle: Throttle,
  given: string | null | undefined,
): Promise<void> {
  if (!deps.adminToken)
    throw new HttpError(403, "serve: changing sources from another machine needs an admin token");
  if (sameSecret(deps.adminToken, given)) return;
  if (!(await throttle.wait()))
    throw new HttpError(429, "serve: too many wrong admin tokens; try again in a minute");
  throw new HttpError(401, "serve: wrong admin token");
}

/** guardForm, and the admin token for anyone not on this machine and not signed in: what every
 * write to the sources needs. Throws the refusal. */
async function guardWrite(
  c: Context,
  deps: Deps,
  throttle: Throttle,
  form: Record<string, unknown>,
): Promise<void> {
  guardForm(c, deps, form);
  if (isAdmin(c, deps)) return;
  await checkAdminToken(
    deps,
    throttle,
    typeof form.token === "string"
      ? form.token
      : c.req.header("authorization")?.replace(/^Bearer /i, ""),
  );
}

/** Back to the sources page, which shows the message once. */
function doneWith(c: Context, message: string) {
  setCookie(c, FLASH_COOKIE, encodeURIComponent(message.slice(0, MAX_FLASH_CHARS)), {
    path: "/sources",
    httpOnly: true,
    sameSite: "Strict",
    maxAge: 60,
  });
  return c.redirect("/sources", 303);
}

export function sourceRoutes(deps: Deps, wrongTokenGapMs = WRONG_TOKEN_GAP_MS): Hono {
  const app = new Hono();
  const throttle = failureThrottle(wrongTokenGapMs);
  app.get("/sources", async (c) => {
    const flash = getCookie(c, FLASH_COOKIE) ?? null;
    if (flash) deleteCookie(c, FLASH_COOKIE, { path: "/sources" });
    const local = isLocalRequest(c);
    const body = sourcesPage({
      sources: await deps.store.listSources(),
      csrfToken: csrfToken(c),
      access: local ? "local" : isAdmin(c, deps) ? "signed-in" : "signed-out",
      canChange: deps.onAddSource !== undefined,
      canExport: deps.feedsOpml !== undefined,
      flash: flash ? decodeURIComponent(flash) : null,
    });
    c.header("Cache-Control", "private, no-store");
    return c.html(layout({ title: "Sources", current: "sources", body }));
  });

  // The followed feeds for another reader. No guard: the sources page shows the same list.
  app.get("/sources.opml", async (c) => {
    if (!deps.feedsOpml) throw new HttpError(404, "serve: no OPML export on this server");
    c.header("Cache-Control", "private, no-store");
    c.header("Content-Disposition", 'attachment; filename="storyline-feeds.opml"');
    return c.body(await deps.feedsOpml(), 200, { "Content-Type": "text/x-opml; charset=utf-8" });
  });

  app.post(
    "/sources",
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: () => {
        throw new HttpError(413, "serve: the upload is too large");
      },
    }),
    async (c) => {
      if (!deps.onAddSource) throw new HttpError(501, "serve: adding sources is not available");
      const form = await c.req.parseBody();
      await guardWrite(c, deps, throttle, form);
      const input = parseInput(form);
      if (input.kind === "opml" && form.opml instanceof File) input.opml = await form.opml.text();
      if (input.kind === "opml" && !input.opml?.trim())
        throw new HttpError(400, "serve: the OPML file is empty");
      let message: string;
      try {
        message = await deps.onAddSource(input);
      } catch (cause) {
        throw new HttpError(
          400,
          `serve: could not add the source: ${cause instanceof Error ? cause.message : "unknown error"}`,
          { cause },
        );
      }
      return doneWith(c, message);
    },
  );

  // A remote admin gives the token once, not with every button.
  app.post("/sources/sign-in", bodyLimit({ maxSize: MAX_ACTION_BYTES }), async (c) => {
    const form = await c.req.parseBody();
    guardForm(c, deps, form);
    await checkAdminToken(deps, throttle, typeof form.token === "string" ? form.token : null);
    setCookie(c, ADMIN_COOKIE, adminSession(deps.adminToken!, Date.now() + ADMIN_SESSION_MS), {
      path: "/sources",
      httpOnly: true,
      sameSite: "Strict",
      secure: new URL(deps.publicBaseUrl ?? c.req.url).protocol === "https:",
      maxAge: ADMIN_SESSION_MS / 1000,
    });
    return doneWith(c, "Signed in: you can add and change sources for the next 12 hours.");
  });

  app.post("/sources/sign-out", bodyLimit({ maxSize: MAX_ACTION_BYTES }), async (c) => {
    guardForm(c, deps, await c.req.parseBody());
    deleteCookie(c, ADMIN_COOKIE, { path: "/sources" });
    return doneWith(c, "Signed out.");
  });

  // Enable, disable or remove one source, or file it in a section: the same guard as adding.
  app.post("/sources/:id", bodyLimit({ maxSize: MAX_ACTION_BYTES }), async (c) => {
    if (!deps.onAddSource) throw new HttpError(501, "serve: changing sources is not available");
    const form = await c.req.parseBody();
    await guardWrite(c, deps, throttle, form);
    const change = form.change;
    if (!isSourceAction(change) && change !== "section")
      throw new HttpError(400, "serve: unknown source action");
    const source = await findSource(deps.store, c.req.param("id"));
    if (!source || String(source.id) !== c.req.param("id"))
      throw new HttpError(404, "serve: no such source");
    if (change === "section") {
      const name = sectionName(typeof form.section === "string" ? form.section : null);
      return doneWith(c, await setSection(deps.store, source, name));
    }
    return doneWith(c, await changeSource(deps.store, source, change));
  });
  return app;
}
