// The page's first act (issue 30): start the core worker and, when the address bar holds a share link, hand it the
// link at once, so the worker decodes it and simulates its run while React and Monaco load. The session's boot then
// takes this reply instead of asking again. Imports nothing of React or the store: the entry runs it first.
import type { LinkPreview } from '../../core/scheduler/preview.ts';
import { startCoreWorker, type CoreClient } from '../../worker/client.ts';
import { isEmbedUrl } from '../embed/embedUrl.ts';

/** The User Timing marks set when the worker has been started and when its reply to the link came back
 * (bench/boot.ts reads them). */
export const WORKER_STARTED_MARK = 'harn-scope:worker-started';
export const LINK_PREVIEW_MARK = 'harn-scope:link-preview';

let early: { hash: string; reply: Promise<LinkPreview> } | null = null;

function mark(name: string): void {
  if (typeof performance.mark === 'function') performance.mark(name);
}

/** Whether a fragment holds a share link (`#s=…`, or `s=` after another parameter). */
export function isLinkFragment(hash: string): boolean {
  return /(^#|&)s=/.test(hash);
}

/** Starts the worker; with a link in `location` (not the embed's, which reads its own), asks for its preview. */
export function startEarlyLink(location: Pick<Location, 'hash' | 'search'>, client: () => CoreClient = startCoreWorker): void {
  const worker = client();
  mark(WORKER_STARTED_MARK);
  if (!isLinkFragment(location.hash) || isEmbedUrl(location)) return;
  const reply = worker.previewLink(location.hash);
  // Taken by the boot; a failure is seen there (and is never an unhandled rejection here).
  reply.then(() => mark(LINK_PREVIEW_MARK)).catch(() => undefined);
  early = { hash: location.hash, reply };
}

/** The early reply for `hash`, once; null when none was asked for this link (the boot then decodes it itself). */
export function takeEarlyLink(hash: string): Promise<LinkPreview> | null {
  if (early === null || early.hash !== hash) return null;
  const { reply } = early;
  early = null;
  return reply;
}
