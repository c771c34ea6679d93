// Work that must not hold up the frame being prepared (issue 30): Monaco's chunk (3 MB to fetch and compile) is
// asked for once the page with the session's first screen — a link's first sentence — has been painted, not in the
// same frame, where its fetching and compiling would compete with that paint on a machine with few cores.

/** A frame with no paint (a background tab) does not hold the work back longer than this. */
const AT_MOST_MS = 200;

/** Resolves once the next frame has been painted (a task after its frame callback), or after AT_MOST_MS (also where
 * there are no frames). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, AT_MOST_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
