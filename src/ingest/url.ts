// What a URL's query may carry that does not identify the page: one rule for every stage that
// compares article URLs (thread discovery, article ids), so they agree.

/** Query parameters added for analytics and referral tracking; ?id= and ?p= are not among them. */
export const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|ref|ref_src|cmpid|ito)$/i;

/** The URL without tracking parameters. The raw pairs are filtered (searchParams would re-encode
 * the rest, "%20" as "+"), and only when one goes, so a URL without them is left as it was.
 * Throws on a string that is no URL. */
export function withoutTracking(url: URL | string): URL {
  const parsed = new URL(url);
  const pairs = parsed.search.slice(1).split("&");
  const kept = pairs.filter((pair) => !TRACKING_PARAM.test(paramName(pair)));
  if (kept.length < pairs.length) parsed.search = kept.join("&");
  return parsed;
}

function paramName(pair: string): string {
  const name = pair.split("=", 1)[0]!.replace(/\+/g, " ");
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
