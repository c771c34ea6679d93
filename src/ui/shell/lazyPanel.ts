// A panel in a chunk of its own (issue 30: the initial script stays under its budget), for what the first screen of
// most visits does not show. `preload()` asks for the chunk ahead of need (a boot that will show the panel waits for
// it, so its first screen does not shift when the panel arrives); once it has loaded, the panel renders at once, with
// no fallback frame. Until then it renders through React.lazy, inside the caller's Suspense boundary.
import { createElement, lazy, useState, type ComponentType } from 'react';

export interface LazyPanel<P extends object> {
  /** The panel: synchronous once loaded, else suspending until its chunk is in. */
  Panel: ComponentType<P>;
  /** Asks for the chunk (once); resolves when the panel can render at once. */
  preload: () => Promise<void>;
}

export function lazyPanel<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): LazyPanel<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (module) => {
        loaded = module.default;
      },
      (error: unknown) => {
        // A failed chunk (a dropped connection) is asked for again next time.
        pending = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then(() => ({ default: loaded! })));
  function Panel(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount the panel.
    const [ready] = useState(() => loaded);
    return ready ? createElement(ready, props) : createElement(Lazy, props);
  }
  return { Panel, preload };
}
