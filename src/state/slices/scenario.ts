// The Scenario being edited and the edit actions on it. Drafts keep exactly what the user typed into the ceiling
// and grant JSON editors, so an invalid edit is never lost while the last valid policy stays in effect.
import type { Ceiling, GrantRecord, Scenario } from '../../core/scenario/types.ts';
import { createDefaultScenario } from '../defaultScenario.ts';
import type { SliceCreator } from '../storeTypes.ts';

/** One validation problem in a JSON editor: `path` like `capabilities.workspace[0]` ('' = the whole text). */
export interface DraftError {
  path: string;
  message: string;
}

/** What the user typed into a JSON editor and what is wrong with it (empty = it is the policy in effect). */
export interface TextDraft {
  text: string;
  errors: DraftError[];
  /** Problems that do not stop the policy taking effect (e.g. an ignored unknown field). */
  warnings?: DraftError[];
}

/** The most children the palette can colour distinctly (parent + 8). */
export const MAX_CHILDREN = 8;

export interface ScenarioSlice {
  /** The scenario being edited (normalized). Its ceilings and grant are always the last valid ones. */
  scenario: Scenario;
  /** Per child name: the ceiling JSON text being edited, when it differs from the ceiling in effect. A Map, so a
   * child named `constructor` or `__proto__` is an ordinary key. Replaced whole on every change. */
  ceilingDrafts: ReadonlyMap<string, TextDraft>;
  /** The parent grant JSON text being edited; `null` = no explicit grant is being edited. */
  grantDraft: TextDraft | null;
  /** Replaces one program's source (`tab` is the parent's or a child's name). A source over MAX_SOURCE_CHARS is
   * refused: nothing changes and the refusal is returned (and shown as `editNotice`); null when applied. */
  setSource: (tab: string, source: string) => string | null;
  /** The last refused edit's message, shown by the editor until the next edit or dismissal. */
  editNotice: string | null;
  dismissEditNotice: () => void;
  /** Adds a child with a fresh name and a small program; returns its name, or null when at the limit. */
  addChild: () => string | null;
  /** Renames a child; returns an error message (and changes nothing) when the name is not acceptable. */
  renameChild: (from: string, to: string) => string | null;
  removeChild: (name: string) => void;
  /** Puts a (validated) ceiling into effect; `null` = unconstrained. */
  setCeiling: (child: string, ceiling: Ceiling | null) => void;
  /** Records the ceiling JSON text the user typed; `null` clears the draft. */
  setCeilingDraft: (child: string, draft: TextDraft | null) => void;
  /** Puts a (validated) parent grant into effect; `null` = use the parent's computed effects. */
  setGrant: (grant: GrantRecord[] | null) => void;
  setGrantDraft: (draft: TextDraft | null) => void;
  /** Replaces the whole scenario (examples, links, autosave restore); drafts are discarded. */
  loadScenario: (scenario: Scenario) => void;
}

/** Characters a program source may hold: the Scenario schema's MAX_SOURCE_CHARS (core/scenario/limits.ts; a test
 * keeps them in step). An edit past it is refused as it is made, so nothing typed is something the loader refuses. */
export const MAX_SOURCE_CHARS = 200_000;

/** Why an edit that makes `tab`'s source `length` characters is refused, or null when it is within the limit. */
export function sourceLimitError(tab: string, length: number): string | null {
  if (length <= MAX_SOURCE_CHARS) return null;
  const n = (x: number) => x.toLocaleString('en-US');
  return `That edit was not applied: it would make ${tab}'s source ${n(length)} characters, and the limit is ${n(MAX_SOURCE_CHARS)}.`;
}

/** Must accept exactly what the Scenario schema accepts (core/scenario/limits.ts; a test keeps them in step). */
export const CHILD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Why `name` cannot name a child of `scenario` (other than `except`), or null when it can. */
export function childNameError(scenario: Scenario, name: string, except?: string): string | null {
  if (name === '') return 'A child needs a name.';
  if (!CHILD_NAME_PATTERN.test(name))
    return 'Use letters, digits or "_" (starting with a letter or "_"), at most 64 characters.';
  if (name === scenario.parent.name) return `"${name}" is the parent's name.`;
  if (scenario.children.some((c) => c.name === name && c.name !== except))
    return `There is already a child named "${name}".`;
  return null;
}

const NEW_NAMES = ['gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];

function freshName(scenario: Scenario): string {
  const taken = new Set([scenario.parent.name, ...scenario.children.map((c) => c.name)]);
  const known = NEW_NAMES.find((n) => !taken.has(n));
  if (known) return known;
  let i = 1;
  while (taken.has(`child${i}`)) i++;
  return `child${i}`;
}

function withoutKey<T>(map: ReadonlyMap<string, T>, key: string): ReadonlyMap<string, T> {
  if (!map.has(key)) return map;
  const out = new Map(map);
  out.delete(key);
  return out;
}

function withKey<T>(map: ReadonlyMap<string, T>, key: string, value: T): ReadonlyMap<string, T> {
  return new Map(map).set(key, value);
}

export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => ({
  scenario: createDefaultScenario(),
  ceilingDrafts: new Map(),
  grantDraft: null,
  editNotice: null,
  setSource: (tab, source) => {
    const refused = sourceLimitError(tab, source.length);
    if (refused) {
      set({ editNotice: refused });
      return refused;
    }
    set(({ scenario, editNotice }) => {
      const cleared = editNotice === null ? {} : { editNotice: null };
      if (tab === scenario.parent.name)
        return { ...cleared, scenario: { ...scenario, parent: { ...scenario.parent, source } } };
      return {
        ...cleared,
        scenario: {
          ...scenario,
          children: scenario.children.map((c) => (c.name === tab ? { ...c, source } : c)),
        },
      };
    });
    return null;
  },
  dismissEditNotice: () => set({ editNotice: null }),
  addChild: () => {
    const { scenario } = get();
    if (scenario.children.length >= MAX_CHILDREN) return null;
    const name = freshName(scenario);
    const source = `// ${name}\npipeline main() {\n  let text = read_file("notes.txt")\n}\n`;
    set({
      scenario: { ...scenario, children: [...scenario.children, { name, source, ceiling: null }] },
      selectedTab: name,
    });
    return name;
  },
  renameChild: (from, to) => {
    const { scenario, ceilingDrafts, selectedTab } = get();
    if (from === to) return null;
    const error = childNameError(scenario, to, from);
    if (error) return error;
    const draft = ceilingDrafts.get(from);
    set({
      scenario: {
        ...scenario,
        children: scenario.children.map((c) => (c.name === from ? { ...c, name: to } : c)),
      },
      ceilingDrafts: draft ? withKey(withoutKey(ceilingDrafts, from), to, draft) : ceilingDrafts,
      selectedTab: selectedTab === from ? to : selectedTab,
    });
    return null;
  },
  removeChild: (name) => {
    const { scenario, ceilingDrafts, selectedTab } = get();
    const index = scenario.children.findIndex((c) => c.name === name);
    if (index < 0) return;
    const children = scenario.children.filter((c) => c.name !== name);
    const neighbour = children[Math.min(index, children.length - 1)]?.name ?? scenario.parent.name;
    set({
      scenario: { ...scenario, children },
      ceilingDrafts: withoutKey(ceilingDrafts, name),
      selectedTab: selectedTab === name ? neighbour : selectedTab,
    });
  },
  setCeiling: (child, ceiling) =>
    set(({ scenario }) => ({
      scenario: {
        ...scenario,
        children: scenario.children.map((c) => (c.name === child ? { ...c, ceiling } : c)),
      },
    })),
  setCeilingDraft: (child, draft) =>
    set(({ ceilingDrafts }) => ({
      ceilingDrafts: draft ? withKey(ceilingDrafts, child, draft) : withoutKey(ceilingDrafts, child),
    })),
  setGrant: (grant) =>
    set(({ scenario }) => ({ scenario: { ...scenario, parent: { ...scenario.parent, grant } } })),
  setGrantDraft: (grantDraft) => set({ grantDraft }),
  loadScenario: (loaded) =>
    set(({ scenario: current, preview }) => {
      const scenario = keepingUnchanged(current, loaded);
      return {
        scenario,
        // The boot's preview of a link is keyed to the scenario it previews: it follows the objects kept.
        preview: preview !== null && preview.scenario === loaded ? { ...preview, scenario } : preview,
        ceilingDrafts: new Map(),
        grantDraft: null,
        selectedTab: scenario.view.tab ?? scenario.parent.name,
        revealRequest: null,
        layout: scenario.view.layout ?? 'lesson',
        unfolded: { ledger: false, run: false },
        predict: scenario.view.predict === true,
        predictHides: scenario.view.predictHides ?? null,
        predictAnswers: {},
        restoredAnswers: null,
      };
    }),
});

/** `loaded` with each of its run's inputs (parent, children, run settings, slots) that equals the one on screen
 * replaced by that very object: reopening the open lesson, or a link of the scenario on screen, is then the same
 * run's scenario (no new trace; its position and a later setting switch land on the moment shown), as the run slice
 * compares inputs by identity. */
function keepingUnchanged(current: Scenario, loaded: Scenario): Scenario {
  const same = <T,>(a: T, b: T): T => (a === b || JSON.stringify(a) === JSON.stringify(b) ? a : b);
  const parent = same(current.parent, loaded.parent);
  const children = same(current.children, loaded.children);
  const run = same(current.run, loaded.run);
  const slots = loaded.slots === undefined ? undefined : same(current.slots, loaded.slots);
  // Nothing kept: the loaded object itself.
  if (parent === loaded.parent && children === loaded.children && run === loaded.run && slots === loaded.slots) return loaded;
  return loaded.slots === undefined ? { ...loaded, parent, children, run } : { ...loaded, parent, children, run, slots };
}
