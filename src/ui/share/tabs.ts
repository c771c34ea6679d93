// The sessions of the page's tabs. Each tab saves its session under its own key (TAB_PREFIX + the tab's id) as one
// record: the scenario, its origin, the JSON editors' drafts, when it was saved and which page load wrote it (so a
// tab can tell another tab's write to its key from its own). Versions before this kept one autosave under
// LEGACY_AUTOSAVE_KEY; it is read as one more saved session and removed once it has been saved again.
import type { Scenario } from '../../core/scenario/types.ts';
import { createDefaultScenario } from '../../state/defaultScenario.ts';
import type { HistoryEntry, SavedDrafts } from '../../state/slices/session.ts';
import { historyTitle, ORIGIN_KEY, readDrafts, workOf } from './history.ts';
import type { GuardedStorage, StorageLike } from './storage.ts';

export const TAB_PREFIX = 'harn-scope-lab:tab:';
/** Where versions before per-tab sessions kept the one autosave (a scenario's JSON). */
export const LEGACY_AUTOSAVE_KEY = 'harn-scope-lab:session';
/** Set while a loaded session has not yet rendered (one per tab id; without an id, the legacy autosave's): still
 * set at the next boot of that session means it made the page fail. */
export const BOOTING_KEY = 'harn-scope-lab:booting';

/** Other tabs' sessions kept under their own keys at a boot; older ones move to Recent work (storage stays bounded:
 * a tab closed long ago is not kept forever, and at most this many more than the open tabs are stored). */
export const TAB_LIMIT = 8;

/** One tab's saved session. `scenario` is as stored: it is validated by the worker before it is opened. */
export interface TabRecord {
  savedAt: number;
  /** The page load that wrote it. */
  page: string;
  origin: string | null;
  scenario: unknown;
  drafts: SavedDrafts | undefined;
  /** Predict mode's answers for `scenario`'s questions (choice per question step), when any were given. */
  answers?: Record<number, number>;
}

/** A saved session found in storage: a tab's, or (id null) the legacy autosave. `record` is null when `raw` cannot
 * be read as one. */
export interface StoredSession {
  id: string | null;
  key: string;
  raw: string;
  record: TabRecord | null;
}

export const tabKey = (id: string): string => `${TAB_PREFIX}${id}`;
export const bootingKeyOf = (id: string | null): string => (id === null ? BOOTING_KEY : `${BOOTING_KEY}:${id}`);

/** The record in `raw`, or null when it is not one. */
export function parseRecord(raw: string): TabRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('scenario' in value)) return null;
  const r = value as Record<string, unknown>;
  return {
    savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0,
    page: typeof r.page === 'string' ? r.page : '',
    origin: typeof r.origin === 'string' ? r.origin : null,
    scenario: r.scenario,
    drafts: readDrafts(r.drafts),
    ...readAnswers(r.answers),
  };
}

// Predict mode's answers as stored: step → choice, both whole numbers; anything else is left out.
function readAnswers(value: unknown): { answers?: Record<number, number> } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const answers: Record<number, number> = {};
  for (const [step, choice] of Object.entries(value)) if (/^\d+$/.test(step) && Number.isInteger(choice) && (choice as number) >= 0) answers[Number(step)] = choice as number;
  return Object.keys(answers).length > 0 ? { answers } : {};
}

export function serializeRecord(record: TabRecord): string {
  return JSON.stringify(record);
}

/** Every saved session in storage, newest first; the legacy autosave last (it is older than any tab's). */
export function listSessions(storage: GuardedStorage): StoredSession[] {
  const sessions: StoredSession[] = [];
  for (const key of storage.keys()) {
    if (!key.startsWith(TAB_PREFIX)) continue;
    const raw = storage.getItem(key);
    if (raw !== null) sessions.push({ id: key.slice(TAB_PREFIX.length), key, raw, record: parseRecord(raw) });
  }
  sessions.sort((a, b) => (b.record?.savedAt ?? 0) - (a.record?.savedAt ?? 0));
  const legacy = storage.getItem(LEGACY_AUTOSAVE_KEY);
  if (legacy !== null) sessions.push({ id: null, key: LEGACY_AUTOSAVE_KEY, raw: legacy, record: legacyRecord(legacy, storage.getItem(ORIGIN_KEY)) });
  return sessions;
}

function legacyRecord(raw: string, origin: string | null): TabRecord | null {
  try {
    return { savedAt: -1, page: '', origin, scenario: JSON.parse(raw), drafts: undefined };
  } catch {
    return null;
  }
}

/** Removes the legacy autosave and what went with it (after the session it held has been saved as a tab's). */
export function removeLegacy(storage: GuardedStorage): void {
  for (const key of [LEGACY_AUTOSAVE_KEY, ORIGIN_KEY, BOOTING_KEY]) storage.removeItem(key);
}

/** Whether anything saved a session here (a newcomer's first visit has none). */
export function hasSavedSession(storage: StorageLike): boolean {
  if (storage.getItem(LEGACY_AUTOSAVE_KEY) !== null) return true;
  for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(TAB_PREFIX)) return true;
  return false;
}

/** The scenario of a record if it has the shape a title and a comparison need (the worker validates it on restore). */
function shapedScenario(value: unknown): Scenario | null {
  if (typeof value !== 'object' || value === null) return null;
  const { parent, children } = value as { parent?: { source?: unknown }; children?: unknown };
  if (typeof parent?.source !== 'string' || !Array.isArray(children)) return null;
  if (!children.every((c) => typeof c === 'object' && c !== null && typeof (c as { name?: unknown }).name === 'string')) return null;
  return value as Scenario;
}

/** Whether a saved session holds edits its origin does not (work that would be lost if it went). */
export function recordHasEdits(record: TabRecord): boolean {
  const scenario = shapedScenario(record.scenario);
  return scenario !== null && workOf(scenario) !== (record.origin ?? workOf(createDefaultScenario()));
}

/** The Recent work entry for another tab's session with edits, or null (no edits, or not a scenario's shape). */
export function tabEntry(id: string, record: TabRecord): HistoryEntry | null {
  const scenario = shapedScenario(record.scenario);
  if (scenario === null || !recordHasEdits(record)) return null;
  const entry: HistoryEntry = { id: `tab:${id}`, savedAt: record.savedAt, title: historyTitle(scenario), reason: 'tab', scenario, raw: null, pending: false };
  return record.drafts ? { ...entry, drafts: record.drafts } : entry;
}

/** The tab id of a Recent work entry listing another tab's session, or null for a stored entry. */
export function tabIdOfEntry(entryId: string): string | null {
  return entryId.startsWith('tab:') ? entryId.slice(4) : null;
}

/** The page load that wrote a record (`raw`), or null when it is not a record. */
export function pageOf(raw: string): string | null {
  return parseRecord(raw)?.page ?? null;
}
