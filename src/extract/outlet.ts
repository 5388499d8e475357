// The outlet's name: what the page calls its site, else a name made from the domain.

// Second-level labels under which registries sell names (bbc.co.uk, abc.net.au).
const SECOND_LEVEL = new Set(["co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"]);
/** Labels this short are usually initials (cnn, bbc, npr), shown in capitals. */
const INITIALS_MAX = 3;

/** Index of the label a registry sold in a host's labels ("bbc" in news.bbc.co.uk). */
function registeredIndex(labels: string[]): number {
  let i = labels.length - 2;
  if (i > 0 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels[i]!)) i--;
  return i;
}

/** The site a host belongs to, without subdomains: "amp.bbc.co.uk" and "www.bbc.co.uk" are
 * "bbc.co.uk". An IP address or a single label is its own site. */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  if (labels.length === 1 || /^\d+$/.test(labels.at(-1) ?? "")) return labels.join(".");
  return labels.slice(registeredIndex(labels)).join(".");
}

export function domainName(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
  const labels = host.replace(/^www\d*\./, "").split(".");
  if (labels.length === 1 || /^\d+$/.test(labels.at(-1) ?? "")) return host;
  const label = labels[registeredIndex(labels)]!;
  if (label.length <= INITIALS_MAX) return label.toUpperCase();
  return label
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}
