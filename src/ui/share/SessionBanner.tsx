// The banner about where the session came from: a link that could not be opened (naming the problem; the previous
// session stays on screen and in the autosave), local work a link replaced (restorable), or an unreadable autosave.
import { useStore } from '../../state/store.ts';
import type { LinkProblem } from '../../state/slices/session.ts';
import { browserSessionEnv } from './startSession.ts';
import { restorePreviousSession } from './session.ts';

const PROBLEMS: Record<LinkProblem, string> = {
  empty: 'The link is empty',
  'no-payload': 'The link holds no scenario',
  'bad-version': 'The link has no readable version',
  'future-version': 'The link was made by a newer Harn Scope Lab',
  'not-base64': 'The link is damaged (not base64url; it may have been cut off)',
  'not-deflate': 'The link is damaged (its data does not decompress; it may have been cut off)',
  'too-large': 'The link is too large',
  bomb: 'The link decompresses to far too much data',
  'not-json': 'The link does not hold JSON',
  schema: 'The link holds a scenario with errors',
};

/** A message as a sentence: capitalised, ending in one full stop. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/[.\s]+$/, '');
  return trimmed === '' ? '' : `${trimmed[0]!.toUpperCase()}${trimmed.slice(1)}.`;
}

/** The bad-link banner's sentences: the problem, then the decoder's detail, each said once (a detail that
 * already says what the heading says replaces it). */
export function badLinkSentences(problem: LinkProblem, message: string): string[] {
  const heading = PROBLEMS[problem];
  const detail = asSentence(message);
  const core = heading.replace(/^The link /, '').replace(/ \(.*\)$/, '').toLowerCase();
  if (detail === '') return [`${heading}.`];
  return detail.toLowerCase().includes(core) ? [detail] : [`${heading}.`, detail];
}

export default function SessionBanner() {
  const banner = useStore((s) => s.sessionBanner);
  const hasPrevious = useStore((s) => s.previousSession !== null);
  if (!banner) return null;
  const dismiss = () => useStore.getState().showSessionBanner(null);
  return (
    <div className={`session-banner banner-${banner.kind}`} role="alert">
      {banner.kind === 'bad-link' ? (
        <p>
          <strong>
            <span aria-hidden="true">⚠ </span>
            {badLinkSentences(banner.problem, banner.message)[0]}
          </strong>{' '}
          {badLinkSentences(banner.problem, banner.message).slice(1).join(' ')} Your previous session is unchanged.
        </p>
      ) : banner.kind === 'previous-session' ? (
        <p>You opened {banner.source === 'link' ? 'a link' : 'an example'}. Your previous session was kept.</p>
      ) : (
        <p>
          <span aria-hidden="true">⚠ </span>
          {banner.message}
        </p>
      )}
      {banner.kind === 'previous-session' && hasPrevious ? (
        <button type="button" onClick={() => restorePreviousSession(useStore, browserSessionEnv())}>
          Restore your previous session
        </button>
      ) : null}
      <button type="button" onClick={dismiss} aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}
