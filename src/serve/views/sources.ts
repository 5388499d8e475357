// The sources page: each source's health with buttons to enable, disable or remove it, and the
// forms to add feeds, pages and OPML files.
import { plural } from "../../text/plural.ts";
import { isFinishedThread, MAX_SECTION_LENGTH, type Source } from "../../types.ts";
import { html, type Safe } from "../html.ts";
import { safeHref } from "../links.ts";
import { timeEl } from "./format.ts";
import { sectionHref } from "./paths.ts";

export interface SourcesPageOptions {
  sources: Source[];
  csrfToken: string;
  /** Who is reading: on this machine (no token needed), or remote and signed in with the admin
   * token, or remote and not (then the page offers to sign in instead of its forms). */
  access: "local" | "signed-in" | "signed-out";
  /** Adding and changing are wired (the pipeline gave an onAddSource). */
  canChange: boolean;
  /** The feeds can be downloaded as OPML (/sources.opml). */
  canExport?: boolean;
  flash: string | null;
}

function hiddenFields(o: SourcesPageOptions): Safe {
  return html`<input type="hidden" name="csrf" value="${o.csrfToken}">`;
}

/** A remote reader signs in once with the admin token, and can sign out. */
function signInOrOut(o: SourcesPageOptions): Safe {
  if (o.access === "signed-in")
    return html`<form method="post" action="/sources/sign-out" class="sign-in">${hiddenFields(o)}<p>Signed in as the admin. <button type="submit">Sign out</button></p></form>`;
  return html`<form method="post" action="/sources/sign-in" class="sign-in">${hiddenFields(o)}
<p>Adding and changing sources from another machine needs the server's admin token.</p>
<label for="admin-token">Admin token</label> <input id="admin-token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>`;
}

/** Enable (a disabled source) or disable, and remove: one small form each. */
function actions(s: Source, o: SourcesPageOptions): Safe {
  const button = (action: string, label: string) =>
    html`<form method="post" action="/sources/${String(s.id)}" class="source-action"${action === "remove" ? html` data-confirm="Stop following ${s.url}? Its articles stay."` : ""}>${hiddenFields(o)}<input type="hidden" name="change" value="${action}"><button type="submit" aria-label="${label} ${s.url}">${label}</button></form>`;
  return html`${s.disabled ? button("enable", "Enable") : button("disable", "Disable")}${button("remove", "Remove")}`;
}

/** A source's section: a link to it, and for whoever may change sources a small form to move the
 * source (an empty name takes it out of any section). Threads bring no articles of their own. */
function sectionCell(s: Source, o: SourcesPageOptions): Safe {
  const link = s.section ? html`<a href="${sectionHref(s.section)}">${s.section}</a>` : html``;
  if (!canChange(o) || s.kind === "thread") return link;
  return html`${link}<form method="post" action="/sources/${String(s.id)}" class="source-section">${hiddenFields(o)}<input type="hidden" name="change" value="section"><input name="section" type="text" maxlength="${String(MAX_SECTION_LENGTH)}" list="sections-in-use" value="${s.section ?? ""}" aria-label="Section of ${s.url}"><button type="submit" aria-label="File ${s.url} in this section">File</button></form>`;
}

/** Whether this reader gets the forms and buttons. */
function canChange(o: SourcesPageOptions): boolean {
  return o.canChange && o.access !== "signed-out";
}

interface Columns {
  errors: boolean;
  sections: boolean;
}

function row(s: Source, show: Columns, o: SourcesPageOptions): Safe {
  const href = safeHref(s.url);
  const status = s.disabled ? "disabled" : s.failureCount > 0 ? "failing" : "ok";
  return html`<tr class="status-${status}">
<th scope="row">${s.title ?? ""}${s.title ? html`<br>` : ""}<span class="url">${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${s.url}</a>` : s.url}</span></th>
<td>${s.kind}</td>${show.sections ? html`<td>${sectionCell(s, o)}</td>` : ""}<td>${status}</td><td>${s.lastFetchedAt ? timeEl(s.lastFetchedAt) : "never"}</td><td>${s.failureCount}</td>${show.errors ? html`<td class="error">${s.lastError ?? ""}</td>` : ""}${canChange(o) ? html`<td class="actions">${actions(s, o)}</td>` : ""}
</tr>`;
}

/** The optional section field of an add form, offering the sections in use. */
function sectionField(id: string, hint: string): Safe {
  return html`<label for="${id}">Section (optional${hint})</label><input id="${id}" name="section" type="text" maxlength="${String(MAX_SECTION_LENGTH)}" list="sections-in-use" placeholder="World, Tech…">`;
}

function forms(o: SourcesPageOptions): Safe {
  if (!o.canChange) return html`<p>Adding sources is not available on this server.</p>`;
  const session = o.access === "local" ? html`` : signInOrOut(o);
  if (o.access === "signed-out") return session;
  const hidden = hiddenFields(o);
  const inUse = [...new Set(o.sources.flatMap((s) => (s.section ? [s.section] : [])))].sort();
  return html`${session}<datalist id="sections-in-use">${inUse.map((name) => html`<option value="${name}">`)}</datalist><div class="add-forms">
<form method="post" action="/sources" class="add-form"><h3>Feed</h3>${hidden}<input type="hidden" name="kind" value="feed">
<label for="add-feed">Feed URL (RSS, Atom or JSON Feed)</label><input id="add-feed" name="url" type="url" required placeholder="https://example.com/feed.xml">
${sectionField("add-feed-section", "")}
<button type="submit">Add feed</button></form>
<form method="post" action="/sources" class="add-form"><h3>Page</h3>${hidden}<input type="hidden" name="kind" value="page">
<label for="add-page">Article or page URL</label><input id="add-page" name="url" type="url" required placeholder="https://example.com/news/story">
${sectionField("add-page-section", "")}
<button type="submit">Add page</button></form>
<form method="post" action="/sources" class="add-form" enctype="multipart/form-data"><h3>OPML</h3>${hidden}<input type="hidden" name="kind" value="opml">
<label for="add-opml">OPML file (a list of feeds)</label><input id="add-opml" name="opml" type="file" accept=".opml,.xml,text/xml,text/x-opml,application/xml" required>
${sectionField("add-opml-section", "; else each feed's folder")}
<button type="submit">Import OPML</button></form>
</div>`;
}

/** Thread rows shown at most: the most recently discovered live or failing ones. */
const MAX_THREAD_ROWS = 50;

function table(rows: Source[], caption: Safe, o: SourcesPageOptions): Safe {
  // An empty error column on a healthy list only squeezes the others.
  const show = {
    errors: rows.some((s) => s.lastError),
    // Shown once a source is in a section, or to whoever may file the feeds and pages in one.
    sections:
      rows.some((s) => s.section) || (canChange(o) && rows.some((s) => s.kind !== "thread")),
  };
  return html`<div class="table-wrap"><table class="sources"><caption>${caption}</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th>${show.sections ? html`<th scope="col">Section</th>` : ""}<th scope="col">Status</th><th scope="col">Last fetch</th><th scope="col">Failures</th>${show.errors ? html`<th scope="col">Last error</th>` : ""}${canChange(o) ? html`<th scope="col">Change</th>` : ""}</tr></thead>
<tbody>${rows.map((s) => row(s, show, o))}</tbody></table></div>`;
}

/** Discussion threads are found by the hundred and go quiet within two days: the quiet ones are
 * counted, not listed, so the feeds stay in view. */
function threadsSection(threads: Source[], o: SourcesPageOptions): Safe {
  if (threads.length === 0) return html``;
  const quiet = threads.filter(isFinishedThread).length;
  const active = threads.filter((t) => !isFinishedThread(t)).sort((a, b) => b.id - a.id);
  const shown = active.slice(0, MAX_THREAD_ROWS);
  const summary = html`<p>${plural(threads.length, "discussion thread")} found for the articles: ${String(active.length)} still followed (a thread is polled for two days), ${String(quiet)} gone quiet and no longer polled.</p>`;
  if (shown.length === 0) return html`<h3>Discussion threads</h3>${summary}`;
  const caption =
    shown.length < active.length
      ? html`The ${String(shown.length)} most recently found of ${String(active.length)} followed`
      : html`${plural(shown.length, "thread")} followed`;
  return html`<h3>Discussion threads</h3>${summary}${table(shown, caption, o)}`;
}

export function sourcesPage(o: SourcesPageOptions): Safe {
  const followed = o.sources.filter((s) => s.kind !== "thread");
  const threads = o.sources.filter((s) => s.kind === "thread");
  return html`<h1>Sources</h1>
${o.flash ? html`<p class="flash" role="status">${o.flash}</p>` : ""}
<section aria-labelledby="h-add"><h2 id="h-add">Add a source</h2>${forms(o)}</section>
<section aria-labelledby="h-health"><h2 id="h-health">Health</h2>
${
  o.sources.length === 0
    ? html`<p>No sources yet.</p>`
    : html`${o.canExport ? html`<p><a href="/sources.opml" download>Export the feeds as OPML</a>, for another reader.</p>` : ""}${
        followed.length > 0
          ? table(
              followed,
              html`${plural(followed.length, "feed or page", "feeds and pages")}; failing ones are retried with back-off`,
              o,
            )
          : ""
      }${threadsSection(threads, o)}`
}</section>`;
}
