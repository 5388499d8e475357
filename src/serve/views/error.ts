import { html, type Safe } from "../html.ts";

export function errorPage(status: number, message: string): Safe {
  return html`<h1>${status === 404 ? "Not found" : "Something went wrong"}</h1><p>${message}</p><p><a href="/">Back to the stories</a></p>`;
}
