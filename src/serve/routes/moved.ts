// A story merged into another keeps its links working: its page, API entry and feeds move on, for
// good (301), to the same place for the story that absorbed it, the query kept.
import type { Context } from "hono";
import { baseUrl, type Deps } from "../deps.ts";
import { HttpError } from "../http-error.ts";

/** The redirect to where story `id` lives on, or a 404 when no story has or had this id. */
export async function movedStory(
  c: Context,
  deps: Deps,
  id: string,
  pathFor: (id: string) => string,
): Promise<Response> {
  const into = await deps.reader.store.mergedInto(id);
  if (into === null) throw new HttpError(404, "serve: no such story");
  // On the public URL, as feeds are: a root-relative Location would drop its path prefix.
  const to = new URL(pathFor(into).slice(1), baseUrl(c, deps));
  to.search = new URL(c.req.url).search;
  return c.redirect(to.href, 301);
}
