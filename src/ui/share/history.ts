// Recent work: the sessions with unsaved edits that something replaced (a link, an example, a restore), newest
// first (at most HISTORY_LIMIT), plus autosaves that could not be read or that made the page fail, kept as their raw
// text. Stored under one key shared by the page's tabs, so every change is made to the list as stored (another tab
// may have changed it) and never overwrites it with an older copy; when storage is full the oldest entries go first,
// and what did not fit still lives in memory. `origin` is the work as it was last loaded (a lesson, a link, the
// default): the session has unsaved edits exactly when its work differs from its origin, so opening F1 then F2 keeps
// nothing and nags no one.
import type { Scenario } from '../../core/scenario/types.ts';
import type { HistoryEntry, HistoryReason, SavedDrafts } from '../../state/slices/session.ts';
import type { GuardedStorage } from './storage.ts';

export const HISTORY_KEY = 'harn-scope-lab:history';
/** Where versions before per-tab sessions kept the origin of the one autosave (read once, to migrate it). */
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
    (e.reason === 'replaced' || e.reason === 'unreadable' || e.reason === 'crashed' || e.reason === 'tab') &&
    (e.raw === null || typeof e.raw === 'string') &&
    typeof e.pending === 'boolean' &&
    (e.scenario === null || typeof e.scenario === 'object') &&
    (e.drafts === undefined || readDrafts(e.drafts) !== undefined)
  );
}

function isDraft(value: unknown): value is { text: string; errors: { path: string; message: string }[] } {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  const problems = (list: unknown) =>
    list === undefined ||
    (Array.isArray(list) && list.every((p) => typeof p === 'object' && p !== null && typeof (p as Record<string, unknown>).path === 'string' && typeof (p as Record<string, unknown>).message === 'string'));
  return typeof d.text === 'string' && Array.isArray(d.errors) && problems(d.errors) && problems(d.warnings);
}

/** Saved drafts as the page may use them (storage is external input), or undefined when they have another shape. */
export function readDrafts(value: unknown): SavedDrafts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { ceilings, grant } = value as Record<string, unknown>;
  if (!Array.isArray(ceilings) || !(grant === null || isDraft(grant))) return undefined;
  const pairs = ceilings.filter((p): p is SavedDrafts['ceilings'][number] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && isDraft(p[1]));
  return pairs.length === ceilings.length ? { ceilings: pairs, grant } : undefined;
}

/** The ids this page has seen in storage (read or written). One that is no longer stored was removed by a tab, and
 * goes; one never stored (storage full or blocked) lives on in memory. */
const seenStored = new Set<string>();

/** The list as stored (`raw`: the key's value); entries that do not have the shape are skipped (their scenarios are
 * validated on restore). */
export function parseHistory(raw: string | null): HistoryEntry[] {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    const entries = Array.isArray(value) ? value.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
    for (const e of entries) seenStored.add(e.id);
    return entries;
  } catch {
    return [];
  }
}

export function readHistory(storage: GuardedStorage): HistoryEntry[] {
  return parseHistory(storage.getItem(HISTORY_KEY));
}

/** The stored list with what this page holds that was never stored, newest first, within the limit. */
export function mergeHistory(stored: readonly HistoryEntry[], inMemory: readonly HistoryEntry[]): HistoryEntry[] {
  const ids = new Set(stored.map((e) => e.id));
  const unstored = inMemory.filter((e) => !ids.has(e.id) && !seenStored.has(e.id));
  return [...stored, ...unstored].sort((a, b) => b.savedAt - a.savedAt).slice(0, HISTORY_LIMIT);
}

/** Stores the list, dropping the oldest entries until it fits. Returns the entries that were stored (all of them
 * when storage works; `entries` is still what the page shows either way). */
export function writeHistory(storage: GuardedStorage, entries: readonly HistoryEntry[]): number {
  for (let n = Math.min(entries.length, HISTORY_LIMIT); n >= 0; n--) {
    if (n === 0) {
      storage.removeItem(HISTORY_KEY);
      return 0;
    }
    if (storage.setItem(HISTORY_KEY, JSON.stringify(entries.slice(0, n)))) {
      for (const e of entries.slice(0, n)) seenStored.add(e.id);
      return n;
    }
  }
  return 0;
}

/** Applies `change` to Recent work as it is now (stored, plus what only this page holds), stores the result and
 * returns it with how many entries were stored. */
export function updateHistory(
  storage: GuardedStorage,
  inMemory: readonly HistoryEntry[],
  change: (entries: HistoryEntry[]) => HistoryEntry[],
): { entries: HistoryEntry[]; stored: number } {
  const entries = change(mergeHistory(readHistory(storage), inMemory));
  return { entries, stored: writeHistory(storage, entries) };
}

let counter = 0;
// Ids are unique across the page's tabs too (they share the list): a random part tells two pages apart.
const pageTag = Math.random().toString(36).slice(2, 8);

/** A new entry (pending), for `scenario` or, when it could not be read, for its `raw` text. */
export function createEntry(reason: HistoryReason, scenario: Scenario | null, raw: string | null, now: number, drafts?: SavedDrafts): HistoryEntry {
  const title = scenario ? historyTitle(scenario) : `An unreadable saved session (${(raw?.length ?? 0).toLocaleString('en-US')} characters)`;
  const entry: HistoryEntry = { id: `${now}-${pageTag}-${++counter}`, savedAt: now, title, reason, scenario, raw, pending: true };
  return drafts && (drafts.ceilings.length > 0 || drafts.grant !== null) ? { ...entry, drafts } : entry;
}

/** `entries` with `entry` in front, within the limit; an entry holding the same work as a newer one is dropped. */
export function withEntry(entries: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const work = entry.scenario ? workOf(entry.scenario) : null;
  const rest = entries.filter((e) => (work === null ? e.raw !== entry.raw : !e.scenario || workOf(e.scenario) !== work));
  return [entry, ...rest].slice(0, HISTORY_LIMIT);
}
