// Progressive enhancement only; every page works without it.
// Escape hides an open source card (WCAG 1.4.13: content on hover or focus is dismissible).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const chip of document.querySelectorAll(".chip:hover, .chip:focus-within"))
    chip.classList.add("dismissed");
});
document.addEventListener("focusin", (event) => {
  const chip = event.target instanceof Element ? event.target.closest(".chip") : null;
  for (const open of document.querySelectorAll(".chip.dismissed"))
    if (open !== chip) open.classList.remove("dismissed");
});
document.addEventListener("mouseover", (event) => {
  const chip = event.target instanceof Element ? event.target.closest(".chip") : null;
  for (const open of document.querySelectorAll(".chip.dismissed"))
    if (open !== chip) open.classList.remove("dismissed");
});

// "updated 3 hours ago" beside a story: pages carry fixed UTC times (so they can be cached and
// read without script); the exact time stays as the tooltip.
const UNITS = [
  ["year", 31536000],
  ["month", 2592000],
  ["week", 604800],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
for (const el of document.querySelectorAll(".story-meta time[datetime]")) {
  const t = Date.parse(el.getAttribute("datetime") ?? "");
  if (!Number.isFinite(t)) continue;
  const seconds = (t - Date.now()) / 1000;
  const [unit, size] = UNITS.find(([, n]) => Math.abs(seconds) >= n) ?? ["minute", 60];
  el.title = el.textContent ?? "";
  el.textContent = relative.format(Math.round(seconds / size), unit);
}

// Removing a source asks first (without script the button acts at once, as a form does).
document.addEventListener("submit", (event) => {
  const form = event.target instanceof HTMLFormElement ? event.target : null;
  const question = form?.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
