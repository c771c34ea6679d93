// Recent work: the sessions with unsaved edits that something replaced (a link, an example, a restore), newest
// first (at most HISTORY_LIMIT), plus autosaves that could not be read or that made the page fail, kept as their raw text. Stored under one
// key so it survives a reload; when storage is full the oldest entries go first, and the list still lives in memory.
// `origin` is the work as it was last loaded (a lesson, a link, the default): the session has unsaved edits exactly
// when its work differs from its origin, so opening F1 then F2 keeps nothing and nags no one.
import type { Scenario } from '../../core/scenario/types.ts';
import type { HistoryEntry, HistoryReason } from '../../state/slices/session.ts';
import type { GuardedStorage } from './storage.ts';

export const HISTORY_KEY = 'harn-scope-lab:history';
export const ORIGIN_KEY = 'harn-scope-lab:origin';

/** Entries kept: the issue asks for at least the last five; eight keep a class's morning of lessons. */
export const HISTORY_LIMIT = 8;

/** The part of a scenario that is the user's writing: programs, names, ceilings and the grant. Run settings and
 * the stepper position are one click away and not "work". */
export function workOf(scenario: Pick<Scenario, 'parent' | 'children'>): string {
  return JSON.stringify({ parent: scenario.parent, children: scenario.children });
}

export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed;
}

export function historyTitle(scenario: Scenario): string {
  const children = scenario.children.map((c) => c.name).join(', ');
  return `${firstLine(scenario.parent.source) || '(empty parent)'}${children ? ` — children ${children}` : ''}`;
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.savedAt === 'number' &&
    typeof e.title === 'string' &&
    (e.reason === 'replaced' || e.reason === 'unreadable' || e.reason === 'crashed') &&
    (e.raw === null || typeof e.raw === 'string') &&
    typeof e.pending === 'boolean' &&
    (e.scenario === null || typeof e.scenario === 'object')
  );
}

/** The stored list; entries that do not have the shape are skipped (their scenarios are validated on restore). */
export function readHistory(storage: GuardedStorage): HistoryEntry[] {
  const raw = storage.getItem(HISTORY_KEY);
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Stores the list, dropping the oldest entries until it fits. Returns the entries that were stored (all of them
 * when storage works; `entries` is still what the page shows either way). */
export function writeHistory(storage: GuardedStorage, entries: readonly HistoryEntry[]): number {
  for (let n = Math.min(entries.length, HISTORY_LIMIT); n >= 0; n--) {
    if (n === 0) {
      storage.removeItem(HISTORY_KEY);
      return 0;
    }
    if (storage.setItem(HISTORY_KEY, JSON.stringify(entries.slice(0, n)))) return n;
  }
  return 0;
}

let counter = 0;

/** A new entry (pending), for `scenario` or, when it could not be read, for its `raw` text. */
export function createEntry(reason: HistoryReason, scenario: Scenario | null, raw: string | null, now: number): HistoryEntry {
  const title = scenario ? historyTitle(scenario) : `An unreadable saved session (${(raw?.length ?? 0).toLocaleString('en-US')} characters)`;
  return { id: `${now}-${++counter}`, savedAt: now, title, reason, scenario, raw, pending: true };
}

/** `entries` with `entry` in front, within the limit; an entry holding the same work as a newer one is dropped. */
export function withEntry(entries: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const work = entry.scenario ? workOf(entry.scenario) : null;
  const rest = entries.filter((e) => (work === null ? e.raw !== entry.raw : !e.scenario || workOf(e.scenario) !== work));
  return [entry, ...rest].slice(0, HISTORY_LIMIT);
}

/** The origin work stored at the last load, or null when none is stored (a session from before origins). */
export function readOrigin(storage: GuardedStorage): string | null {
  return storage.getItem(ORIGIN_KEY);
}

/** Stores the origin's work (`workOf`; '' for restored work, whose edits count as unsaved). */
export function writeOrigin(storage: GuardedStorage, work: string): void {
  storage.setItem(ORIGIN_KEY, work);
}
