// Where pages and feeds live: one place for the URL of each kind of page.

export function storyHref(id: string): string {
  return `/stories/${encodeURIComponent(id)}`;
}

export function storyFeedHref(id: string, format: "atom" | "json"): string {
  return `/feeds/stories/${encodeURIComponent(id)}.${format}`;
}

export function outletHref(name: string): string {
  return `/outlets/${encodeURIComponent(name)}`;
}

export function outletFeedHref(name: string, format: "atom" | "json"): string {
  return `/feeds/outlet/${encodeURIComponent(name)}.${format}`;
}

export function sectionHref(name: string): string {
  return `/sections/${encodeURIComponent(name)}`;
}

export function sectionFeedHref(name: string, format: "atom" | "json"): string {
  return `/feeds/sections/${encodeURIComponent(name)}.${format}`;
}
