// Session state: the banner about where the session came from (a bad link, work kept from before a link opened,
// an unreadable autosave), the recoverable previous session, and the current share link. The effects (reading
// the URL and localStorage, asking the worker to decode and validate) live in src/ui/share/session.ts.
import type { Scenario } from '../../core/scenario/types.ts';
import type { LinkErrorKind } from '../../core/index.ts';
import type { SliceCreator } from '../storeTypes.ts';

/** The decoder's error kinds (core/scenario `decodeLink`). */
export type LinkProblem = LinkErrorKind;

/** What the banner above the columns says. */
export type SessionBanner =
  /** A link could not be opened; the session on screen is the one that was there before. */
  | { kind: 'bad-link'; problem: LinkProblem; message: string }
  /** A link or an example opened over local work, which is kept in `previousSession`. */
  | { kind: 'previous-session'; source: 'link' | 'example' }
  /** The autosave could not be read; it is kept untouched under a backup key. */
  | { kind: 'bad-autosave'; message: string };

/** The share link for the current state, computed in the worker. */
export interface ShareLink {
  /** `#s=…` */
  fragment: string;
  /** The whole URL (origin + path + fragment), what a user pastes. */
  url: string;
}

export interface SessionSlice {
  /** Set once the boot sequence (link or autosave or default) has loaded a session; autosave waits for it. */
  sessionReady: boolean;
  sessionBanner: SessionBanner | null;
  /** Local work a link replaced on screen, restorable from the banner; `null` when there is none. */
  previousSession: Scenario | null;
  shareLink: ShareLink | null;
  setSessionReady: () => void;
  showSessionBanner: (banner: SessionBanner | null) => void;
  setPreviousSession: (scenario: Scenario | null) => void;
  setShareLink: (link: ShareLink | null) => void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  sessionReady: false,
  sessionBanner: null,
  previousSession: null,
  shareLink: null,
  setSessionReady: () => set({ sessionReady: true }),
  showSessionBanner: (sessionBanner) => set({ sessionBanner }),
  setPreviousSession: (previousSession) => set({ previousSession }),
  setShareLink: (shareLink) => set({ shareLink }),
});
