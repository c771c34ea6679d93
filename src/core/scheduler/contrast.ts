// A contrast: the one run setting whose change shows a fix (the mode, a slot's capture, enforcement at spawn, the
// parent's explicit grant, an added slot's catalog decision, the thread count), each with a bug side and a fix
// side. Compare runs the scenario as it is and with the contrast's setting flipped, and names both sides. Pure;
// depends on ../scenario types, ./catalog.ts and ./run.ts (the default capture set).
import type { GrantRecord, RunMode, RunSettings, Scenario } from '../scenario/types.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG } from './catalog.ts';

/** The setting a lesson's fix changes; `fix` names the fixed side where it is not implied. */
export type Contrast =
  | { kind: 'mode'; bug: RunMode; fix: RunMode }
  /** The slot captured (fix) or left out of the capture set (bug). */
  | { kind: 'capture'; slot: string }
  /** Enforcement at spawn on (fix) or off (bug). */
  | { kind: 'enforce' }
  /** The parent's explicit grant given (fix) or absent, so the parent's computed effects are its grant (bug). */
  | { kind: 'grant'; grant: GrantRecord[] }
  /** An added slot decided Captured in the catalog (fix) or not yet classified (bug). */
  | { kind: 'catalog'; slot: string }
  /** One thread, the LocalSet (fix), or several with work stealing (bug). */
  | { kind: 'threads'; threads: number };

export type ContrastKind = Contrast['kind'];

const CATALOG_CAPTURED: readonly string[] = AMBIENT_THREAD_LOCAL_CATALOG.filter(
  (slot) => slot.scoping.kind === 'captured',
).map((slot) => slot.name);

/** The capture set the run uses: its own, else the catalog's Captured slots and the added slots decided Captured. */
export function effectiveCaptured(scenario: Scenario): string[] {
  if (scenario.run.captured !== null) return [...scenario.run.captured];
  const added = (scenario.slots ?? []).filter((slot) => slot.scoping === 'captured').map((slot) => slot.name);
  return [...CATALOG_CAPTURED, ...added];
}

/** `unscoped`, `scoped`, `scoped without CURRENT_MUTATION_SESSION`. */
export function runLabel(run: RunSettings): string {
  if (run.mode === 'unscoped' || run.captured === null) return run.mode;
  const captured = new Set<string>(run.captured);
  const missing = CATALOG_CAPTURED.filter((slot) => !captured.has(slot));
  const extra = run.captured.filter((slot) => !CATALOG_CAPTURED.includes(slot));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`without ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`with ${extra.join(', ')} too`);
  return parts.length === 0 ? run.mode : `${run.mode} ${parts.join(' and ')}`;
}

/** Whether the scenario is on the contrast's fixed side. */
export function isFixSide(scenario: Scenario, contrast: Contrast): boolean {
  const run = scenario.run;
  switch (contrast.kind) {
    case 'mode':
      return run.mode === contrast.fix;
    case 'capture':
      return run.mode !== 'unscoped' && effectiveCaptured(scenario).includes(contrast.slot);
    case 'enforce':
      return run.enforceAtSpawn;
    case 'grant':
      return scenario.parent.grant !== null;
    case 'catalog':
      return (scenario.slots ?? []).some((slot) => slot.name === contrast.slot && slot.scoping === 'captured');
    case 'threads':
      return (run.threads ?? 1) === 1;
  }
}

/** The scenario with the contrast's setting on its other side (everything else as it is). */
export function contrastOther(scenario: Scenario, contrast: Contrast): Scenario {
  const run = scenario.run;
  const fixed = isFixSide(scenario, contrast);
  switch (contrast.kind) {
    case 'mode':
      return { ...scenario, run: { ...run, mode: fixed ? contrast.bug : contrast.fix } };
    case 'capture': {
      const now = effectiveCaptured(scenario);
      const captured = fixed ? now.filter((slot) => slot !== contrast.slot) : [...new Set([...now, contrast.slot])];
      const mode = run.mode === 'unscoped' ? 'scoped' : run.mode;
      return { ...scenario, run: { ...run, mode, captured } };
    }
    case 'enforce':
      return { ...scenario, run: { ...run, enforceAtSpawn: !run.enforceAtSpawn } };
    case 'grant':
      return { ...scenario, parent: { ...scenario.parent, grant: fixed ? null : contrast.grant } };
    case 'catalog': {
      const slots = (scenario.slots ?? []).map((slot) =>
        slot.name === contrast.slot ? { ...slot, scoping: fixed ? null : ('captured' as const) } : slot,
      );
      return { ...scenario, slots };
    }
    case 'threads': {
      if (!fixed) {
        // One thread: picks naming a thread have no thread to name.
        const { threads: _threads, ...rest } = run;
        const schedule =
          run.schedule.kind === 'picks'
            ? { kind: 'picks' as const, picks: run.schedule.picks.map((pick) => pick.replace(/@\d+$/, '')) }
            : run.schedule;
        return { ...scenario, run: { ...rest, schedule } };
      }
      return { ...scenario, run: { ...run, threads: contrast.threads } };
    }
  }
}

/** What the scenario's side of the contrast is called: `unscoped`, `enforcement at spawn off`, `without the
 * explicit grant`, `EGRESS_TENANT_STACK decided Captured`, `2 threads`. */
export function contrastSideLabel(scenario: Scenario, contrast: Contrast): string {
  const fixed = isFixSide(scenario, contrast);
  switch (contrast.kind) {
    case 'mode':
    case 'capture':
      return runLabel(scenario.run);
    case 'enforce':
      return fixed ? 'enforcement at spawn on' : 'enforcement at spawn off';
    case 'grant':
      return fixed ? 'with the explicit grant' : "without the explicit grant (the parent's own effects)";
    case 'catalog':
      return fixed ? `${contrast.slot} decided Captured` : `${contrast.slot} not classified`;
    case 'threads': {
      const n = scenario.run.threads ?? 1;
      return `${n} thread${n === 1 ? '' : 's'}`;
    }
  }
}

/** A contrast's name in a menu: "Mode: unscoped / scoped". */
export function contrastName(contrast: Contrast): string {
  switch (contrast.kind) {
    case 'mode':
      return `Mode (${contrast.bug} / ${contrast.fix})`;
    case 'capture':
      return `Capture of ${contrast.slot}`;
    case 'enforce':
      return 'Enforcement at spawn';
    case 'grant':
      return 'The explicit grant';
    case 'catalog':
      return `Catalog decision for ${contrast.slot}`;
    case 'threads':
      return `Thread count (1 / ${contrast.threads})`;
  }
}

/** A stable id for a contrast (a menu value). Slot names are user names: only ever compared, never parsed. */
export function contrastId(contrast: Contrast): string {
  if (contrast.kind === 'capture' || contrast.kind === 'catalog') return `${contrast.kind}:${contrast.slot}`;
  return contrast.kind;
}

/** The contrasts a scenario offers, `preferred` (a lesson's) first: the mode; each slot the capture set leaves out
 * of the catalog's; enforcement at spawn; the explicit grant when there is one; each added slot's decision; threads. */
export function contrastsOf(scenario: Scenario, preferred: Contrast | null): Contrast[] {
  const run = scenario.run;
  const list: Contrast[] = preferred ? [preferred] : [];
  list.push({ kind: 'mode', bug: run.mode === 'scoped' ? 'unscoped' : run.mode, fix: 'scoped' });
  if (run.captured !== null)
    for (const slot of CATALOG_CAPTURED) if (!run.captured.includes(slot)) list.push({ kind: 'capture', slot });
  list.push({ kind: 'enforce' });
  if (scenario.parent.grant !== null) list.push({ kind: 'grant', grant: scenario.parent.grant });
  for (const slot of scenario.slots ?? []) list.push({ kind: 'catalog', slot: slot.name });
  list.push({ kind: 'threads', threads: Math.max(2, run.threads ?? 1) });
  const seen = new Set<string>();
  return list.filter((c) => {
    const id = contrastId(c);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
