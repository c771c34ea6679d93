// Scrolling the run column without `scrollIntoView`: Chromium (150 and later) moves the sequential focus
// navigation starting point to an element scrolled into view, so after the stepper revealed the slot being read,
// the first Tab on a fresh page landed in the register file instead of on the skip link. Setting scrollTop and
// scrollLeft on each scrolling ancestor leaves the focus order alone.

/** Does an overflow value let the box scroll? */
function scrolls(overflow: string): boolean {
  return overflow === 'auto' || overflow === 'scroll';
}

/** The nearest ancestor that scrolls vertically (the run column on a desktop, the stacked columns on a phone). */
export function scrollParentOf(element: Element): Element | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    if (scrolls(getComputedStyle(at).overflowY) && at.scrollHeight > at.clientHeight) return at;
  }
  return null;
}

/** How far to scroll one axis so that [start, end] shows in [low, high], as CSSOM's `block: 'nearest'` does:
 * nothing when it already shows or when it covers the box on both sides, else the nearer edge. */
export function nearestDelta(start: number, end: number, low: number, high: number): number {
  if (start >= low && end <= high) return 0;
  if (start < low && end > high) return 0;
  const fits = end - start <= high - low;
  if (start < low) return fits ? start - low : end - high;
  return fits ? end - high : start - low;
}

/** Brings `element` into view in every scrolling ancestor, nearest edge first, like
 * `scrollIntoView({ block: 'nearest', inline: 'nearest' })`. A sticky table header above it is kept clear. */
export function revealNearest(element: Element): void {
  const header = element.closest('table')?.tHead ?? null;
  const page = document.scrollingElement;
  for (let at = element.parentElement; at; at = at.parentElement) {
    const style = getComputedStyle(at);
    const vertical = scrolls(style.overflowY) && at.scrollHeight > at.clientHeight;
    const horizontal = scrolls(style.overflowX) && at.scrollWidth > at.clientWidth;
    if (!vertical && !horizontal) continue;
    const box = at.getBoundingClientRect();
    const target = element.getBoundingClientRect();
    const top = box.top + at.clientTop + (header && at.contains(header) ? header.getBoundingClientRect().height : 0);
    const left = box.left + at.clientLeft;
    if (vertical) at.scrollTop += nearestDelta(target.top, target.bottom, top, box.top + at.clientTop + at.clientHeight);
    if (horizontal) at.scrollLeft += nearestDelta(target.left, target.right, left, left + at.clientWidth);
  }
  // The page itself (a phone stacks the columns and scrolls the document).
  if (page && page.scrollHeight > window.innerHeight) {
    const target = element.getBoundingClientRect();
    const delta = nearestDelta(target.top, target.bottom, 0, window.innerHeight);
    if (delta !== 0) window.scrollBy(0, delta);
  }
}
