// The page's local storage behind a guard: a browser that blocks storage (a third-party iframe, privacy settings)
// throws on the mere `window.localStorage` read, and a full one throws on `setItem`. Neither may blank the page or
// pass silently: every call is caught, and what went wrong is reported as a visible state (`StorageProblem`).

import type { StorageProblem } from '../../state/slices/session.ts';

/** What the session reads and writes (the Storage methods it uses; tests pass a Map-backed fake). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** A storage whose calls never throw: reads give null, writes say whether they were kept. */
export interface GuardedStorage {
  getItem(key: string): string | null;
  /** Stores `value`; false when it was not kept (the problem is reported). */
  setItem(key: string, value: string): boolean;
  removeItem(key: string): void;
  /** Every key stored (none when storage cannot be read). */
  keys(): string[];
}

function isQuotaError(error: unknown): boolean {
  // DOMException names differ by browser: QuotaExceededError (Chromium, WebKit), NS_ERROR_DOM_QUOTA_REACHED (Firefox).
  // Checked by shape: a DOMException is not an Error in every environment.
  if (typeof error !== 'object' || error === null) return false;
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  return code === 22 || /quota/i.test(`${String(name)} ${String(message)}`);
}

/**
 * Wraps the storage `open()` returns (called on every use, since reaching it may itself throw). `onProblem` hears
 * null after each successful write, so the state clears once storage works again.
 */
export function guardStorage(open: () => StorageLike, onProblem: (problem: StorageProblem | null) => void): GuardedStorage {
  const attempt = <T>(action: (storage: StorageLike) => T, fallback: T): T => {
    try {
      return action(open());
    } catch (error) {
      onProblem(isQuotaError(error) ? 'full' : 'blocked');
      return fallback;
    }
  };
  return {
    getItem: (key) => attempt((s) => s.getItem(key), null),
    setItem: (key, value) => {
      const kept = attempt((s) => (s.setItem(key, value), true), false);
      if (kept) onProblem(null);
      return kept;
    },
    removeItem: (key) => attempt((s) => s.removeItem(key), undefined),
    keys: () =>
      attempt((s) => {
        const keys: string[] = [];
        for (let i = 0; i < s.length; i++) {
          const key = s.key(i);
          if (key !== null) keys.push(key);
        }
        return keys;
      }, []),
  };
}

/** The sentence the page shows for a storage problem (one place, so the banner and tests agree). */
export function storageProblemMessage(problem: StorageProblem): string {
  return problem === 'full'
    ? "Not saving: this browser's storage for the page is full. Your work stays while the page is open; download it to keep it."
    : 'Not saving: this browser blocks storage for the page. Your work stays while the page is open; download it to keep it.';
}
