import { describe, expect, it } from 'vitest';
import { createCoalescer } from '../../../src/state/sync/coalesce.ts';

/** A coalescer whose sends each stay in flight until released (`releases[i]()` settles the i-th send). */
function heldRequests() {
  const releases: (() => void)[] = [];
  let sends = 0;
  const requests = createCoalescer(() => {
    sends++;
    return new Promise<void>((resolve) => releases.push(resolve));
  });
  return { requests, releases, sent: () => sends };
}

describe('createCoalescer', () => {
  it('keeps one request in flight and folds the requests made meanwhile into one follow-up', async () => {
    const { requests, releases, sent } = heldRequests();
    requests.request();
    requests.request();
    requests.request();
    expect(sent()).toBe(1);
    releases[0]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent()).toBe(2);
    releases[1]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent()).toBe(2);
  });

  it('starts nothing after stop, not even a pending follow-up', async () => {
    const { requests, releases, sent } = heldRequests();
    requests.request();
    requests.request();
    requests.stop();
    releases[0]!();
    await Promise.resolve();
    await Promise.resolve();
    requests.request();
    expect(sent()).toBe(1);
    expect(requests.isStopped()).toBe(true);
  });
});
