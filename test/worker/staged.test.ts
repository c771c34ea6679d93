// The core worker's script in-process (issue 30): a link's preview and the watchdog's ping are answered by the first
// stage; any other request waits for the whole protocol and is answered once, in arrival order, by it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeLink, loadScenario } from '../../src/core/index.ts';
import { linkPreviewer } from '../../src/worker/linkPreviewer.ts';

interface Reply {
  id: string;
  type: string;
  value?: unknown;
}

const posted: Reply[] = [];
const scope = Object.assign(new EventTarget(), { postMessage: (message: Reply) => void posted.push(message) });
const realSelf = (globalThis as { self?: unknown }).self;

const send = (id: string, type: string, path: string[], args: unknown[] = []) =>
  scope.dispatchEvent(new MessageEvent('message', { data: { id, type, path, argumentList: args.map((value) => ({ type: 'RAW', value })) } }));
const repliesTo = (id: string) => posted.filter((reply) => reply.id === id);

const scenario = loadScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/f1-cwd-env.json'), 'utf8'))).value!;
const link = encodeLink(scenario);

beforeAll(async () => {
  (globalThis as { self?: unknown }).self = scope;
  await import('../../src/worker/staged.worker.ts');
});

afterAll(() => {
  (globalThis as { self?: unknown }).self = realSelf;
});

describe("the core worker's script", () => {
  it('answers the preview and the ping itself, and holds the rest until the whole protocol is in', async () => {
    send('early-1', 'APPLY', ['shareLinkOf'], [scenario]);
    send('ping-1', 'GET', ['watchdogPing']);
    send('preview-1', 'APPLY', ['previewLink'], [link]);
    send('early-2', 'APPLY', ['encodeLink'], [scenario]);
    await vi.waitFor(() => expect(repliesTo('preview-1')).toHaveLength(1));
    expect(repliesTo('ping-1')).toEqual([{ id: 'ping-1', type: 'RAW', value: undefined }]);
    const preview = repliesTo('preview-1')[0]!.value as { decoded: { value: unknown }; preview: { steps: { narration: string }[] } };
    expect(preview.decoded.value).toEqual(scenario);
    expect(preview.preview.steps).toHaveLength(2);

    await vi.waitFor(() => expect(repliesTo('early-2')).toHaveLength(1), { timeout: 20_000 });
    expect(repliesTo('early-1')).toHaveLength(1);
    // In arrival order, each once.
    const order = posted.map((reply) => reply.id).filter((id) => id.startsWith('early-'));
    expect(order).toEqual(['early-1', 'early-2']);
    expect(repliesTo('early-2')[0]).toEqual({ id: 'early-2', type: 'RAW', value: link });
    expect(repliesTo('early-1')[0]).toEqual({ id: 'early-1', type: 'RAW', value: { value: link, error: null } });
  });

  it('once the whole protocol is in, it alone answers, once per request; the preview keeps its run for the trace', async () => {
    const before = posted.length;
    const simulate = vi.spyOn(linkPreviewer, 'simulate');
    send('late-preview', 'APPLY', ['previewLink'], [link]);
    send('late-simulate', 'APPLY', ['simulate'], [scenario]);
    send('late-ping', 'GET', ['watchdogPing']);
    await vi.waitFor(() => expect(repliesTo('late-ping')).toHaveLength(1));
    await vi.waitFor(() => expect(repliesTo('late-simulate')).toHaveLength(1));
    expect(repliesTo('late-preview')).toHaveLength(1);
    expect(posted.length - before).toBe(3);
    // Both stages use the one previewer (which gives the preview's run to the next trace asked for).
    expect(simulate).toHaveBeenCalledTimes(1);
    const simulated = repliesTo('late-simulate')[0]!.value as { steps: { narration: string }[] };
    const previewed = repliesTo('late-preview')[0]!.value as { preview: { steps: { narration: string }[]; from: number } };
    expect(simulated.steps.slice(previewed.preview.from, previewed.preview.from + previewed.preview.steps.length)).toEqual(previewed.preview.steps);
  });
});
