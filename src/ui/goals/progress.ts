// The campaign's progress, kept in this browser's local storage: which challenges were won, and whether the
// solution had been shown first. Tolerant: storage that is blocked, full or holds anything unexpected (corrupt JSON,
// a newer shape, unknown ids) reads as what it can, never throws, and is never a reason to blank the page.

export const PROGRESS_KEY = 'harn-scope-lab:challenges';

/** How a challenge was won: on your own, or after "Show a solution". */
export type Won = 'won' | 'helped';

export type Progress = Readonly<Record<string, Won>>;

const isWon = (v: unknown): v is Won => v === 'won' || v === 'helped';

/** The progress a stored text holds: `{"version": 1, "won": {id: "won" | "helped"}}`; anything else is skipped. */
export function parseProgress(text: string | null): Progress {
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  const won = typeof value === 'object' && value !== null ? (value as { won?: unknown }).won : null;
  if (typeof won !== 'object' || won === null || Array.isArray(won)) return {};
  const out: Record<string, Won> = Object.create(null) as Record<string, Won>;
  for (const [id, how] of Object.entries(won)) if (/^[a-z][\w-]{0,63}$/i.test(id) && isWon(how)) out[id] = how;
  return out;
}

/** `progress` with `id` won; a win on your own replaces a helped one, never the reverse. */
export function withWin(progress: Progress, id: string, how: Won): Progress {
  if (progress[id] === 'won' || progress[id] === how) return progress;
  return { ...progress, [id]: how };
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readProgress(): Progress {
  try {
    return parseProgress(storage()?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return {};
  }
}

/** Records a win; false when storage would not keep it (the win still shows on the page). */
export function recordWin(id: string, how: Won): boolean {
  try {
    const next = withWin(readProgress(), id, how);
    storage()?.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, won: next }));
    return storage() !== null;
  } catch {
    return false;
  }
}
