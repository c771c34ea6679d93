// One worker request in flight at a time, with edits made meanwhile folded into a single follow-up request.
// Shared by the analysis sync and the run (simulation) sync; replies are matched to requests by id in their slices.

export interface Coalescer {
  /** Asks for a request now, or right after the one in flight if there is one. */
  request: () => void;
  /** No further requests start; `isStopped` tells a reply that arrives later to drop itself. */
  stop: () => void;
  isStopped: () => boolean;
}

/** `send` performs one request and settles when its reply has been handled (it should not throw). */
export function createCoalescer(send: () => Promise<void>): Coalescer {
  let inFlight = false;
  let dirty = false;
  let stopped = false;
  const request = () => {
    if (stopped) return;
    if (inFlight) {
      dirty = true;
      return;
    }
    inFlight = true;
    dirty = false;
    void send().finally(() => {
      inFlight = false;
      if (dirty) request();
    });
  };
  return {
    request,
    stop: () => {
      stopped = true;
    },
    isStopped: () => stopped,
  };
}
