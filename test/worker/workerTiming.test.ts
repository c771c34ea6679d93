// The worker's request timing (src/worker/timing.ts): each comlink request → reply becomes one User Timing measure
// named after its method; replies pass through unchanged, and a message that is not a request is not measured.
import { afterEach, describe, expect, it } from 'vitest';
import type { Endpoint } from 'comlink';
import { timedEndpoint, WORKER_REQUEST_MEASURE_PREFIX } from '../../src/worker/timing.ts';

type Listener = (event: MessageEvent) => void;

function fakeScope() {
  const listeners: Listener[] = [];
  const posted: unknown[] = [];
  const scope = {
    addEventListener: (_type: string, listener: Listener) => listeners.push(listener),
    removeEventListener: (_type: string, listener: Listener) => listeners.splice(listeners.indexOf(listener), 1),
    postMessage: (message: unknown) => posted.push(message),
  } as unknown as Endpoint;
  const deliver = (data: unknown) => {
    for (const listener of [...listeners]) listener({ data } as MessageEvent);
  };
  return { scope, posted, deliver, listeners };
}

describe('timedEndpoint', () => {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ entryTypes: ['measure'] });
  afterEach(() => {
    seen.length = 0;
  });

  const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('measures each request from its arrival to its reply, by method, and passes the reply through', async () => {
    const { scope, posted, deliver } = fakeScope();
    const endpoint = timedEndpoint(scope);
    const calls: unknown[] = [];
    endpoint.addEventListener('message', (event) => calls.push((event as MessageEvent).data));
    deliver({ id: 'a1', type: 'APPLY', path: ['analyzeScenario'], argumentList: [] });
    const busyUntil = performance.now() + 5;
    while (performance.now() < busyUntil) {
      // the request's work
    }
    endpoint.postMessage({ id: 'a1', type: 'RAW', value: 42 });
    await flush();
    expect(calls).toHaveLength(1);
    expect(posted).toEqual([{ id: 'a1', type: 'RAW', value: 42 }]);
    const measures = seen.filter((entry) => entry.name.startsWith(WORKER_REQUEST_MEASURE_PREFIX));
    expect(measures.map((entry) => entry.name)).toEqual([`${WORKER_REQUEST_MEASURE_PREFIX}analyzeScenario`]);
    expect(measures[0]!.duration).toBeGreaterThanOrEqual(4);
  });

  it('does not measure a reply twice, nor a message that answers no request', async () => {
    const { scope, posted, deliver } = fakeScope();
    const endpoint = timedEndpoint(scope);
    deliver({ id: 'b1', type: 'GET', path: ['watchdogPing'] });
    endpoint.postMessage({ id: 'b1', type: 'RAW', value: undefined });
    endpoint.postMessage({ id: 'b1', type: 'RAW', value: undefined });
    endpoint.postMessage({ id: 'zz', type: 'RAW', value: 1 });
    deliver({ unrelated: true });
    await flush();
    expect(posted).toHaveLength(3);
    expect(seen.filter((entry) => entry.name.startsWith(WORKER_REQUEST_MEASURE_PREFIX)).map((entry) => entry.name)).toEqual([
      `${WORKER_REQUEST_MEASURE_PREFIX}watchdogPing`,
    ]);
  });
});
