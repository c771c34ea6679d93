// Policy edits the page makes for the author — a suggested ceiling or grant, a fix from a code action or a ledger
// row — each put into effect as one edit that one Undo takes back whole: the policy in effect and any text draft
// it replaced. The worker computed the policy from the scenario as it was; an edit is applied only if the
// programs and policies are still those (else it is refused with a message, never applied to something else).
// A small store of its own (not persisted): the undo notice reads it.
import { create } from 'zustand';
import type { CapabilityPolicy } from '../core/analysis/types.ts';
import type { FixPlace, PolicyFix } from '../core/authoring/index.ts';
import type { Ceiling, GrantRecord, Scenario } from '../core/scenario/types.ts';
import { analysisInput } from './sync/analysis.ts';
import type { ScenarioAnalysisInput } from './analysisTypes.ts';
import { normalizeCeiling } from './policyEdits.ts';
import { useStore } from './store.ts';

/** The programs and policies a worker answer was computed from (compared by identity: the store replaces them whole). */
export interface PolicyBasis {
  parent: Scenario['parent'];
  children: Scenario['children'];
}

/** The scenario as the worker sees it, and the basis to hand back when applying what it answers. */
export function policyRequest(): { input: ScenarioAnalysisInput; basis: PolicyBasis } {
  const state = useStore.getState();
  return { input: analysisInput(state), basis: { parent: state.scenario.parent, children: state.scenario.children } };
}

/** True while the scenario still has the programs and policies of `basis`. */
export function isCurrentBasis(basis: PolicyBasis): boolean {
  const { scenario } = useStore.getState();
  return scenario.parent === basis.parent && scenario.children === basis.children;
}

interface UndoEntry {
  /** `Applied the suggested alpha's ceiling.` */
  message: string;
  undo: () => string | null;
}

interface PolicyUndoState {
  /** The last policy edit the page made, until it is undone or another one is made. */
  last: UndoEntry | null;
  /** What the last Undo (or a refused apply) said; cleared by the next edit. */
  notice: string | null;
}

export const usePolicyUndo = create<PolicyUndoState>(() => ({ last: null, notice: null }));

const STALE = 'Not applied: the programs or policies changed since it was computed. Ask again.';

/** Puts `ceiling` into effect as `child`'s ceiling (replacing any JSON draft). Returns null, or why it was refused. */
export function applyCeiling(child: string, ceiling: CapabilityPolicy, basis: PolicyBasis, message: string): string | null {
  if (!isCurrentBasis(basis)) return refuse(STALE);
  const store = useStore.getState();
  const before = store.scenario.children.find((c) => c.name === child);
  if (!before) return refuse(STALE);
  const draft = store.ceilingDrafts.get(child) ?? null;
  const after: Ceiling = normalizeCeiling(ceiling);
  store.setCeiling(child, after);
  store.setCeilingDraft(child, null);
  record(message, () => {
    const now = useStore.getState();
    if (now.scenario.children.find((c) => c.name === child)?.ceiling !== after) return `Cannot undo: ${child}'s ceiling changed since.`;
    now.setCeiling(child, before.ceiling);
    now.setCeilingDraft(child, draft);
    return null;
  });
  return null;
}

/** Puts `grant` (serde JSON records) into effect as the parent's explicit grant (replacing any draft). */
export function applyGrant(grant: readonly unknown[], basis: PolicyBasis, message: string): string | null {
  if (!isCurrentBasis(basis)) return refuse(STALE);
  const store = useStore.getState();
  const before = store.scenario.parent.grant;
  const draft = store.grantDraft;
  const after = grant as GrantRecord[];
  store.setGrant(after);
  store.setGrantDraft(null);
  record(message, () => {
    const now = useStore.getState();
    if (now.scenario.parent.grant !== after) return 'Cannot undo: the parent grant changed since.';
    now.setGrant(before);
    now.setGrantDraft(draft);
    return null;
  });
  return null;
}

/** Applies a fix the worker computed (a code action, a ledger row's "Add to the grant"). */
export function applyFix(fix: PolicyFix, basis: PolicyBasis): string | null {
  if (fix.target === 'ceiling' && fix.ceiling) return applyCeiling(fix.child, fix.ceiling, basis, fix.done);
  if (fix.target === 'grant' && fix.grant) return applyGrant(fix.grant, basis, fix.done);
  return refuse(`Not applied: ${fix.title} carries no policy.`);
}

/** Asks the worker for the fixes of `child` at `place` (as the scenario is now) and applies the first of `target`'s;
 * says why when there is none. */
export async function applyFixAt(
  backend: { policyFixesAt: (input: ScenarioAnalysisInput, child: string, place: FixPlace) => Promise<PolicyFix[]> },
  child: string,
  place: FixPlace,
  target: PolicyFix['target'],
): Promise<string | null> {
  const { input, basis } = policyRequest();
  const fix = (await backend.policyFixesAt(input, child, place)).find((f) => f.target === target);
  if (!fix) return refuse(target === 'grant' ? 'No grant fix here: the parent grant in effect is unknown, or the effect no longer escapes it.' : 'No ceiling fix here: the ceiling no longer drops it.');
  return applyFix(fix, basis);
}

/** Takes back the last policy edit the page made. */
export function undoPolicyEdit(): void {
  const { last } = usePolicyUndo.getState();
  if (!last) return;
  const refused = last.undo();
  usePolicyUndo.setState({ last: null, notice: refused ?? `Undone: ${last.message.charAt(0).toLowerCase()}${last.message.slice(1)}` });
}

export function dismissPolicyNotice(): void {
  usePolicyUndo.setState({ last: null, notice: null });
}

function record(message: string, undo: () => string | null): void {
  usePolicyUndo.setState({ last: { message, undo }, notice: null });
}

function refuse(message: string): string {
  usePolicyUndo.setState({ notice: message });
  return message;
}
