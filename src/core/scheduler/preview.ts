// A link's first reply (issue 30): what the stepper shows at the step a link lands on — that step with its sentence
// and register file, the steps of its poll before it, and the counts — small enough to send before the whole trace,
// which follows. Pure; depends on the scenario's link decoder, ./simulate.ts and ./slotTable.ts.
import { decodeLink, type LinkResult } from '../scenario/link.ts';
import type { Scenario } from '../scenario/types.ts';
import { groupedCount } from '../counts.ts';
import type { SlotInfo } from './catalog.ts';
import { simulate, type ScenarioSimulation } from './simulate.ts';
import { createSlotTable } from './slotTable.ts';
import type { TraceStep } from './trace.ts';

/**
 * At most this many steps of the landing step's poll travel in the preview (the landing step included). A lesson's
 * poll is a handful of steps (swaps in, a read, a check); a poll of a long generated program can run to thousands,
 * and the preview must stay small. Cut short, the preview's register file misses only the poll's earliest swap
 * highlights, until the whole trace arrives a moment later.
 */
export const PREVIEW_MAX_STEPS = 64;

/** The stepper at one step of a trace, without the rest of the trace. */
export interface TracePreview {
  tasks: ScenarioSimulation['tasks'];
  slots: readonly string[];
  captured: string[];
  mode: ScenarioSimulation['mode'];
  /** Simulated threads (1: the LocalSet). */
  threads: number;
  /** The steps of the landing step's poll up to and including it (from its poll-enter, at most PREVIEW_MAX_STEPS). */
  steps: TraceStep[];
  /** The trace index of `steps[0]`; the landing step is `from + steps.length - 1`. */
  from: number;
  /** Steps in the whole trace. */
  stepCount: number;
  /** `stepCount` as a person reads it ("1,234"): grouped here, without Intl, whose first use in the page's thread
   * would delay the sentence this preview is for (counts.ts). */
  stepCountText: string;
  /** The landing step's place among the events a person steps through (1-based), and how many there are. */
  position: { at: number; of: number };
  /** The run's slots with their catalog decisions and reasons (the register file folds quiet uncaptured rows by
   * them); empty when not known. */
  catalog: readonly SlotInfo[];
}

/** The preview of `simulation` at `step` (clamped to the trace), or null for an empty trace. */
export function previewAt(simulation: ScenarioSimulation, step: number, catalog: readonly SlotInfo[] = []): TracePreview | null {
  const { steps } = simulation;
  if (steps.length === 0) return null;
  const landing = Math.max(0, Math.min(Math.trunc(step), steps.length - 1));
  let from = landing;
  while (from > 0 && landing - from + 1 < PREVIEW_MAX_STEPS && steps[from]!.kind !== 'poll-enter') from--;
  let events = 0;
  let at = 0;
  for (const s of steps)
    if (s.event) {
      events++;
      if (s.index <= landing) at++;
    }
  return {
    tasks: simulation.tasks,
    slots: simulation.slots,
    captured: simulation.captured,
    mode: simulation.mode,
    threads: simulation.summary.threads ?? 1,
    steps: steps.slice(from, landing + 1),
    from,
    stepCount: steps.length,
    stepCountText: groupedCount(steps.length),
    position: { at: Math.max(1, at), of: events },
    catalog,
  };
}

/** A link opened: the scenario it holds (or why it cannot be opened) and, when it opens, the preview of its run at
 * the step the link names. */
export interface LinkPreview {
  decoded: LinkResult;
  preview: TracePreview | null;
}

/** Decodes a link and previews its run at its step: one request for the first thing a link's reader sees. */
export function previewLink(fragmentOrUrl: string): LinkPreview {
  const decoded = decodeLink(fragmentOrUrl);
  if (decoded.value === null) return { decoded, preview: null };
  const scenario = decoded.value;
  return { decoded, preview: previewAt(simulate(scenario), scenario.view.step, createSlotTable(scenario.slots ?? []).slots) };
}

/** What a run depends on: the scenario less its view (the step shown, the layout), which no run reads. */
function runKey(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, view: null });
}

/**
 * The last run, kept for the next request of an equal scenario. One edit asks the worker for its run several times —
 * the trace, Predict mode's questions, the goal's verdict, an export — and a link's preview asks just before its
 * trace: each is the same scenario (compared by content, less the view), so it is simulated once. Only the last run
 * is kept (a 50,000-step trace is large): another scenario is simulated afresh and replaces it.
 */
export function createRunMemo(run: (scenario: Scenario) => ScenarioSimulation = simulate) {
  let kept: { key: string; simulation: ScenarioSimulation } | null = null;
  return {
    simulate(scenario: Scenario): ScenarioSimulation {
      const key = runKey(scenario);
      if (kept === null || kept.key !== key) kept = { key, simulation: run(scenario) };
      return kept.simulation;
    },
  };
}

/**
 * Link previews whose run is the one the page's next requests get: the page asks for the whole trace of the link's
 * scenario right after its preview, and a heavy link (a 50,000-step run) must not be simulated twice on the way to
 * its first screen. `simulate` is the worker's one way to a scenario's run (createRunMemo: the last run is kept).
 */
export function createLinkPreviewer(run: (scenario: Scenario) => ScenarioSimulation = simulate) {
  const memo = createRunMemo(run);
  return {
    previewLink(fragmentOrUrl: string): LinkPreview {
      const decoded = decodeLink(fragmentOrUrl);
      if (decoded.value === null) return { decoded, preview: null };
      const scenario = decoded.value;
      return { decoded, preview: previewAt(memo.simulate(scenario), scenario.view.step, createSlotTable(scenario.slots ?? []).slots) };
    },
    simulate: (scenario: Scenario): ScenarioSimulation => memo.simulate(scenario),
  };
}
