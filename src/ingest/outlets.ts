// The operator's outlet list: a JSON array of { "domain"?, "name"?, "country"?, "ownership"?,
// "lean"? } (a domain or a name, or both), what they know of the outlets they follow (see
// Outlet). A URL may stand for the domain. Checked here, at the edge: a bad entry is refused with
// its position and the reason.
import { z } from "zod";
import type { Outlet } from "../types.ts";

const label = z.string().trim().min(1).max(80).nullish();
const entry = z.strictObject({
  domain: z.string().trim().min(1).nullish(),
  name: z.string().trim().min(1).max(200).nullish(),
  country: label,
  ownership: label,
  lean: label,
});

/** Outlet entries from the list's JSON text; throws one line starting "outlets: " on bad input. */
export function parseOutlets(text: string): Outlet[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`outlets: malformed JSON: ${(err as Error).message.split("\n")[0]}`);
  }
  if (!Array.isArray(data)) throw new Error("outlets: expected a JSON array of outlets");
  return data.map((raw, i) => {
    const result = entry.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      throw new Error(`outlets: entry ${i + 1}: ${where}${issue?.message ?? "invalid"}`);
    }
    const o = result.data;
    if (!o.domain && !o.name) throw new Error(`outlets: entry ${i + 1}: needs a domain or a name`);
    const domain = o.domain ? domainOf(o.domain) : null;
    if (o.domain && domain === null)
      throw new Error(`outlets: entry ${i + 1}: "${o.domain}" is not a domain`);
    return {
      domain,
      name: o.name ?? null,
      country: o.country ?? null,
      ownership: o.ownership ?? null,
      lean: o.lean ?? null,
    };
  });
}

/** "https://www.TheGuardian.com/uk" and "www.theguardian.com" are both "theguardian.com"; an
 * international name is kept in its ASCII form ("bücher.example" is "xn--bcher-kva.example"), as
 * article URLs give it. */
function domainOf(input: string): string | null {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `http://${input}`;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, "").replace(/\.$/, "");
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/.test(host) ? host : null;
}
