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
