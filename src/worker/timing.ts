// Request timing inside the worker: every request's time here, from its message arriving to its reply posted
// (structured-clone serialization included), becomes a User Timing measure `harn-scope:worker:<method>`, cleared at
// once (a PerformanceObserver in the worker still sees it). bench/latency.ts reads the analysis ones: DESIGN §8's
// "parse + analyze + post back ... in the worker". Instrumentation only: no request is changed or delayed.
import type { Endpoint } from 'comlink';

/** The measure name of one method's requests. */
export const WORKER_REQUEST_MEASURE_PREFIX = 'harn-scope:worker:';

interface WireRequest {
  id?: unknown;
  path?: unknown;
}

/** `scope` (the worker's global) as a comlink endpoint that times each request → reply. */
export function timedEndpoint(scope: Endpoint): Endpoint {
  const received = new Map<string, { method: string; at: number }>();
  // Registered before comlink's own listener, so it runs first: the arrival time excludes the call itself.
  scope.addEventListener('message', (event) => {
    const data = (event as MessageEvent<WireRequest | null>).data;
    if (data && typeof data.id === 'string' && Array.isArray(data.path)) received.set(data.id, { method: data.path.join('.'), at: performance.now() });
  });
  return {
    addEventListener: scope.addEventListener.bind(scope),
    removeEventListener: scope.removeEventListener.bind(scope),
    postMessage(message: unknown, transfer?: Transferable[]) {
      scope.postMessage(message, transfer);
      const id = (message as WireRequest | null)?.id;
      const request = typeof id === 'string' ? received.get(id) : undefined;
      if (!request) return;
      received.delete(id as string);
      const name = `${WORKER_REQUEST_MEASURE_PREFIX}${request.method}`;
      performance.measure(name, { start: request.at });
      performance.clearMeasures(name);
    },
  };
}
