// The core worker's script (issue 30): a link's first reply comes before the rest of core has loaded. This script
// holds only what a link's preview needs (decoding, simulating, comlink) and answers it; the whole protocol
// (core.worker.ts: the analyses, the explorer, the lessons…) is imported beside it and takes over every message
// once it is in. Until then a request for it waits here, in arrival order, and is handed to it unchanged; the
// watchdog's ping (a property read) is answered at once by this stage, as by the whole protocol.
import { expose, type Endpoint } from 'comlink';
import { linkPreviewer } from './linkPreviewer.ts';
import { timedEndpoint } from './timing.ts';

interface WireMessage {
  type?: unknown;
  path?: unknown;
}

/** Messages this stage answers itself: a property read (the ping) and a link's preview. */
function answeredFirst(data: WireMessage | null | undefined): boolean {
  if (!data) return false;
  if (data.type === 'GET') return true;
  return data.type === 'APPLY' && Array.isArray(data.path) && data.path.length === 1 && data.path[0] === 'previewLink';
}

const scope = self as unknown as Endpoint & EventTarget;
const firstStageListeners = new Set<EventListenerOrEventListenerObject>();
const waiting: MessageEvent[] = [];
let wholeIn = false;

/** With no message in this long after this script ran, no link is being previewed: the rest loads anyway. A
 * link's page asks for its preview before anything else, but the request reaches this thread only when the page's
 * main thread gets to hand it over, which a loaded machine can hold up for a while; a page without a link sends its
 * first request (which loads the rest) as it renders. */
const NO_PREVIEW_AFTER_MS = 300;

// The whole protocol loads after a link's preview has been answered (its evaluation would otherwise run first and
// delay it), or as soon as a request for it arrives, or when nothing has been asked for a moment (a page without a
// link). Importing it runs its own `expose` on this scope, whose listener answers every later message; the promise
// settles in the same task as that evaluation, so no message arrives between the two. A script that cannot load is
// thrown as an error of the worker, which the page's watchdog restarts (and sends the waiting requests again).
let loading = false;
function loadWhole(): void {
  if (loading) return;
  loading = true;
  import('./core.worker.ts').then(
    () => {
      wholeIn = true;
      for (const event of waiting.splice(0)) scope.dispatchEvent(new MessageEvent('message', { data: event.data, ports: [...event.ports] }));
    },
    (error: unknown) =>
      setTimeout(() => {
        throw error instanceof Error ? error : new Error(`the core worker's script could not load: ${String(error)}`);
      }),
  );
}
setTimeout(loadWhole, NO_PREVIEW_AFTER_MS);

scope.addEventListener('message', (event) => {
  if (wholeIn) return;
  const message = event as MessageEvent<WireMessage | null>;
  if (!answeredFirst(message.data)) {
    waiting.push(message);
    loadWhole();
    return;
  }
  for (const listener of firstStageListeners) {
    if (typeof listener === 'function') listener(message);
    else listener.handleEvent(message);
  }
});

/** This stage's endpoint: it sees only the messages it answers, and none once the whole protocol is in. */
const firstStage: Endpoint = {
  addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => void firstStageListeners.add(listener),
  removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => void firstStageListeners.delete(listener),
  postMessage: (message: unknown, transfer?: Transferable[]) => scope.postMessage(message, transfer ?? []),
};

/** The first stage's protocol: the same `previewLink` as the whole one (one previewer, which keeps the run). */
const firstStageApi = {
  previewLink: (fragmentOrUrl: string) => {
    const preview = linkPreviewer.previewLink(fragmentOrUrl);
    // Fetched from now on; evaluated in a later task, after this reply has been posted.
    loadWhole();
    return preview;
  },
};

expose(firstStageApi, timedEndpoint(firstStage));
