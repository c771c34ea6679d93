// Session state: the banner about where the session came from (a bad link, edits kept from before a link or an
// example opened, an unreadable autosave), Recent work (sessions with edits something replaced), whether storage
// works, and the current share link. The effects (reading the URL and localStorage, asking the worker to decode and
// validate) live in src/ui/share/session.ts.
import type { LinkErrorKind } from '../../core/index.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import type { SliceCreator } from '../storeTypes.ts';
import type { TextDraft } from './scenario.ts';

/** Why the session is not being saved: storage is blocked for this page, or full. */
export type StorageProblem = 'blocked' | 'full';

/** Why an entry is in Recent work: its edits were replaced, it is an autosave that could not be read or that made the
 * page fail to start, or it is the session another tab of the page is editing (or was, before it was closed). */
export type HistoryReason = 'replaced' | 'unreadable' | 'crashed' | 'tab';

/** What the JSON editors hold that is not yet in effect (invalid, or still being checked), saved with the session so
 * it comes back as it was: the ceiling drafts by child, and the grant draft. */
export interface SavedDrafts {
  ceilings: [string, TextDraft][];
  grant: TextDraft | null;
}

/** One entry of Recent work (src/ui/share/history.ts keeps the list). */
export interface HistoryEntry {
  /** Unique within the list (the save time plus a counter). */
  id: string;
  /** When it was kept, in epoch milliseconds. */
  savedAt: number;
  /** One line to recognise it by: the first non-blank line of its parent's source, and its children. */
  title: string;
  reason: HistoryReason;
  /** The work itself; null for an unreadable save, which keeps only `raw`. */
  scenario: Scenario | null;
  /** The text as it was stored, for an entry that could not be read as a scenario. */
  raw: string | null;
  /** Still to be offered in a banner (after a reload too), until it is restored or dismissed. */
  pending: boolean;
  /** The JSON editors' drafts that went with the work, restored with it. */
  drafts?: SavedDrafts;
}

/** The decoder's error kinds (core/scenario `decodeLink`). */
export type LinkProblem = LinkErrorKind;

/** What replaced the edits a `kept` banner is about: a link, an example, a restored entry, or (after a reload) it
 * happened before the page was loaded. */
export type KeptSource = 'link' | 'example' | 'restore' | 'reload';

/** What the banner above the columns says. */
export type SessionBanner =
  /** A link could not be opened; the session on screen is the one that was there before. */
  | { kind: 'bad-link'; problem: LinkProblem; message: string }
  /** Edits were replaced and kept in Recent work as entry `entryId`. */
  | { kind: 'kept'; source: KeptSource; entryId: string; savedAt: number }
  /** The autosave could not be read (or made the page fail) and is kept in Recent work as entry `entryId`. */
  | { kind: 'bad-autosave'; message: string; entryId: string | null };

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
  /** Recent work, newest first (also in localStorage when it works; shared by the page's tabs). */
  history: readonly HistoryEntry[];
  /** The sessions other tabs of the page saved (reason 'tab'), newest first: listed in Recent work beside `history`. */
  tabSessions: readonly HistoryEntry[];
  /** The work (`workOf`) as last loaded; the session has unsaved edits when its work differs. `null`: unknown (a
   * session saved before origins were kept), compared with the default scenario instead. */
  originWork: string | null;
  /** Storage does not work: the session is not being saved (shown with a download button). */
  storageProblem: StorageProblem | null;
  /** Why the autosave must not write (an unreadable save could not be kept aside and would be overwritten), or null. */
  autosaveHeld: string | null;
  shareLink: ShareLink | null;
  /** Why the current state cannot be shared or saved (over a scenario limit), or null. */
  shareProblem: string | null;
  setSessionReady: () => void;
  showSessionBanner: (banner: SessionBanner | null) => void;
  setHistory: (history: readonly HistoryEntry[]) => void;
  setTabSessions: (sessions: readonly HistoryEntry[]) => void;
  setOriginWork: (work: string | null) => void;
  setStorageProblem: (problem: StorageProblem | null) => void;
  setAutosaveHeld: (reason: string | null) => void;
  setShareLink: (link: ShareLink | null) => void;
  setShareProblem: (problem: string | null) => void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  sessionReady: false,
  sessionBanner: null,
  history: [],
  tabSessions: [],
  originWork: null,
  storageProblem: null,
  autosaveHeld: null,
  shareLink: null,
  shareProblem: null,
  setSessionReady: () => set({ sessionReady: true }),
  showSessionBanner: (sessionBanner) => set({ sessionBanner }),
  setHistory: (history) => set({ history }),
  setTabSessions: (tabSessions) => set({ tabSessions }),
  setOriginWork: (originWork) => set({ originWork }),
  // Only a change is set: a working write reports null every time, and the store should not churn.
  setStorageProblem: (storageProblem) => {
    if (get().storageProblem !== storageProblem) set({ storageProblem });
  },
  setAutosaveHeld: (autosaveHeld) => set({ autosaveHeld }),
  setShareLink: (shareLink) => set({ shareLink }),
  setShareProblem: (shareProblem) => {
    if (get().shareProblem !== shareProblem) set({ shareProblem });
  },
});
