import { describe, expect, it } from 'vitest';
import { createCoalescer } from '../../src/state/coalesce.ts';

describe('createCoalescer', () => {
  it('keeps one request in flight and folds the requests made meanwhile into one follow-up', async () => {
    const releases: (() => void)[] = [];
    let sends = 0;
    const requests = createCoalescer(() => {
      sends++;
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    requests.request();
    requests.request();
    requests.request();
    expect(sends).toBe(1);
    releases[0]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(sends).toBe(2);
    releases[1]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(sends).toBe(2);
  });

  it('starts nothing after stop, not even a pending follow-up', async () => {
    const releases: (() => void)[] = [];
    let sends = 0;
    const requests = createCoalescer(() => {
      sends++;
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    requests.request();
    requests.request();
    requests.stop();
    releases[0]!();
    await Promise.resolve();
    await Promise.resolve();
    requests.request();
    expect(sends).toBe(1);
    expect(requests.isStopped()).toBe(true);
  });
});
