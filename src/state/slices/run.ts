// Run-side state: the latest simulation from the worker (an immutable trace, replaced whole; stale replies are
// dropped), the stepper's position (by event, or fine steps) and playback, the selected read, the run settings
// edits (mode, threads, capture set, enforcement, schedule) that change the scenario and so trigger a re-simulation, which
// lands on the moment the stepper showed, and the compare view's second run.
import type { RunMode, RunSettings as AppRun, Scenario, Schedule } from '../../core/scenario/types.ts';
import type { LessonComparison } from '../../core/examples/index.ts';
import type { TracePreview } from '../../core/scheduler/preview.ts';
import type { Moment } from '../../core/scheduler/moment.ts';
import type { SliceCreator } from '../storeTypes.ts';
import { pickWord, withThreads } from '../threads.ts';
import { crosswireFrom, momentAt, nextEvent, previousEvent, type SimulationResult } from '../runNav.ts';

export { choiceAtStep as choiceAt, isCrosswireStep, type SimulationResult } from '../runNav.ts';

/** The link's first reply while it is what the stepper shows: set, and for the scenario on screen. */
export function shownPreview(state: Pick<RunSlice, 'preview'> & { scenario: Scenario }): TracePreview | null {
  return state.preview !== null && state.preview.scenario === state.scenario ? state.preview.preview : null;
}

/** Playback speeds offered, in steps per second. */
export const PLAY_SPEEDS = [1, 2, 4, 8, 16] as const;

export interface RunSlice {
  /** The trace of the latest scenario the worker answered for; `null` until the first reply. */
  simulation: SimulationResult | null;
  /** A link's first reply (issue 30): the stepper at its landing step, shown until the first trace arrives, and
   * only while `scenario` is still the one on screen. */
  preview: { scenario: Scenario; preview: TracePreview } | null;
  setPreview: (preview: { scenario: Scenario; preview: TracePreview } | null) => void;
  simulationRequestId: number;
  /** A worker failure for the latest request; `null` when fine. */
  simulationError: string | null;
  /** The id the shown simulation (or error) answers: behind `simulationRequestId` while a run is pending. */
  simulationAnsweredId: number;
  /** The scenario the latest request simulates, and the one the shown simulation was computed from: a verdict is
   * shown only while the current scenario's programs and run settings are those (the same objects). */
  simulationRequestScenario: Scenario | null;
  simulatedScenario: Scenario | null;
  /** The stepper's position: an index into `simulation.steps` (the only thing the UI holds about the trace). */
  stepIndex: number;
  /** A position to restore once the next trace arrives (a link or autosave names a step before its trace exists). */
  pendingStep: number | null;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  /** The step of the read selected in the reads log (highlighted), or null. */
  selectedRead: number | null;
  /** Step through every trace step (swaps, installs) instead of the events a person cares about. */
  fineSteps: boolean;
  /** The moment to land on when the next trace arrives (set by a run-setting change, re-aimed by a step taken on
   * the trace still shown while the new one is on its way). */
  pendingMoment: Moment | null;
  /** The moment the latest request was asked to land on: a reply whose moment is no longer `pendingMoment` (the
   * user stepped meanwhile) is asked for again rather than shown at a moment the user has left. */
  simulationRequestMoment: Moment | null;
  /** One line when the last landing could not find the same moment; null otherwise. */
  landingNote: string | null;
  /** The compare view is open. */
  compareOpen: boolean;
  /** The second run for the compare view, matched to `simulation` by moment; null while it is computed. */
  comparison: LessonComparison | null;
  /** The contrast Compare shows (an id from the comparison's options); null = the default (a lesson's own). */
  compareContrast: string | null;
  setCompareContrast: (id: string | null) => void;
  comparisonRequestId: number;
  setFineSteps: (fine: boolean) => void;
  setCompareOpen: (open: boolean) => void;
  beginComparison: () => number;
  receiveComparison: (id: number, comparison: LessonComparison) => boolean;
  /** Jumps to the last cross-wire before the current step; stays when none. */
  runToPreviousCrosswire: () => void;
  beginSimulation: () => number;
  /** Stores a reply (clamping the step): `shown`; `stale` when `id` is not the latest request; `re-aim` when the
   * user stepped to another moment since it was asked for (the caller asks again, landing there). */
  receiveSimulation: (id: number, simulation: SimulationResult) => 'shown' | 'stale' | 're-aim';
  failSimulation: (id: number, message: string) => boolean;
  /** Moves to `step`, clamped to the trace. */
  setStep: (step: number) => void;
  stepForward: () => void;
  stepBack: () => void;
  resetStepper: () => void;
  /** Jumps to the next step after the current one that cross-wires (a red read or check); stays when none. */
  runToNextCrosswire: () => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  selectRead: (step: number | null) => void;
  /** Restores a saved position: applied now if the trace is long enough, else when the next trace arrives. */
  restoreStep: (step: number) => void;
  setRunMode: (mode: RunMode) => void;
  /** Captures or uncaptures one slot (the capture set starts from the run's current one). */
  setSlotCaptured: (slot: string, captured: boolean) => void;
  /** Back to the catalog's default capture set. */
  resetCaptured: () => void;
  setEnforceAtSpawn: (enforce: boolean) => void;
  setSchedule: (schedule: Schedule) => void;
  /** Simulated threads, 1–4 (1 = the LocalSet: `run.threads` is left out, so the link is unchanged). */
  setThreads: (threads: number) => void;
  /** The chooser: at the choice point before `step`, poll `task` next, on 1-based `thread` when the run has several
   * (null: the thread free longest). Earlier choices are kept as picks, each with its thread. */
  choose: (step: number, task: string, thread?: number | null) => void;
}

/** What a simulation is of: the scenario fields a re-simulation depends on (compared by reference; the store
 * replaces a field whole when it changes). */
interface SimulatedInputs {
  parent: unknown;
  children: unknown;
  run: unknown;
  slots: unknown;
}

function inputsOf(scenario: { parent: unknown; children: unknown; run: unknown; slots?: unknown }): SimulatedInputs {
  return { parent: scenario.parent, children: scenario.children, run: scenario.run, slots: scenario.slots };
}

function sameInputs(a: SimulatedInputs | null, b: SimulatedInputs): boolean {
  return a !== null && a.parent === b.parent && a.children === b.children && a.run === b.run && a.slots === b.slots;
}

/** Whether two scenarios are the same run's: the same programs, run settings and slots (the very objects). */
export function sameRunInputs(a: Scenario, b: Scenario): boolean {
  return sameInputs(inputsOf(a), inputsOf(b));
}

/** Whether the last answered run was computed from the scenario's current programs, run settings and slots (an
 * edit or a setting changed since makes it another scenario's run). */
export function isRunOfCurrentInputs(state: { simulatedScenario: Scenario | null; scenario: Scenario }): boolean {
  return state.simulatedScenario !== null && sameInputs(inputsOf(state.simulatedScenario), inputsOf(state.scenario));
}

/** Whether a trace is on screen and it is the current scenario's (not an older run's, still shown while the new
 * one is on its way). */
function traceIsCurrent(state: { simulation: SimulationResult | null; simulatedScenario: Scenario | null; scenario: Scenario }): boolean {
  return state.simulation !== null && isRunOfCurrentInputs(state);
}

function clampStep(simulation: SimulationResult | null, step: number): number {
  const last = simulation ? simulation.steps.length - 1 : 0;
  return Math.max(0, Math.min(Math.trunc(step), Math.max(0, last)));
}

/** The task polled at each choice point strictly before step `i`, in order, with its thread when the run has
 * several ("alpha@2"): the picks that reproduce them. */
export function picksBefore(simulation: SimulationResult, i: number): string[] {
  const picks: string[] = [];
  for (let s = 0; s < i && s < simulation.steps.length; s++) {
    const step = simulation.steps[s]!;
    if (step.kind === 'poll-enter' && step.choice) picks.push(pickWord(step.choice.chosen, step.choice.thread ?? null));
  }
  return picks;
}

/** The fields that make the next trace land on the moment shown now, for a change of a run setting or a catalog
 * decision (the programs unchanged): none while a position still waits for its trace (its moment is not known yet;
 * the position is kept for the next trace instead). */
export function momentKept(state: {
  simulation: SimulationResult | null;
  stepIndex: number;
  pendingStep: number | null;
  simulatedScenario: Scenario | null;
  scenario: Scenario;
}): { pendingStep?: null; pendingMoment?: Moment | null } {
  return state.pendingStep !== null && !traceIsCurrent(state) ? {} : { pendingStep: null, pendingMoment: momentAt(state.simulation, state.stepIndex) };
}

/** Whether a run-setting change's trace is on its way, to land on a moment of the trace still shown (a step taken
 * meanwhile re-aims it; playback waits for it). */
export function awaitingMoment(state: {
  pendingMoment: Moment | null;
  simulationRequestMoment: Moment | null;
  simulation: SimulationResult | null;
  simulatedScenario: Scenario | null;
  scenario: Scenario;
}): boolean {
  return !traceIsCurrent(state) && (state.pendingMoment !== null || state.simulationRequestMoment !== null);
}

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => {
  // Whether the trace on screen is the current scenario's: a position restored for a scenario whose trace is
  // already on screen (the open lesson reopened) is applied at once, not left pending for a trace that will never
  // come (where it would override the next run-setting change's moment).
  const isCurrent = () => traceIsCurrent(get());
  // A move on the trace still shown while a run-setting change's trace is on its way: the new trace is to land on
  // the moment moved to (the same ops in another order), not on the one shown when the setting changed.
  const aimedAt = (stepIndex: number): { pendingMoment?: Moment | null } =>
    awaitingMoment(get()) ? { pendingMoment: momentAt(get().simulation, stepIndex) } : {};
  const setRun = (patch: (run: AppRun) => AppRun) =>
    set(({ scenario }) => ({ scenario: { ...scenario, run: patch(scenario.run) } }));
  // A run-setting change re-runs the same ops in another way: land on the moment shown now, not its step number.
  // A position still waiting for its trace is kept for the next one instead (the moment is not known yet).
  const setRunKeepingMoment = (patch: (run: AppRun) => AppRun) =>
    set((state) => ({ scenario: { ...state.scenario, run: patch(state.scenario.run) }, ...momentKept(state) }));
  return {
    simulation: null,
    preview: null,
    setPreview: (preview) => set({ preview }),
    simulationRequestId: 0,
    simulationError: null,
    simulationAnsweredId: 0,
    simulationRequestScenario: null,
    simulationRequestMoment: null,
    simulatedScenario: null,
    stepIndex: 0,
    pendingStep: null,
    playing: false,
    speed: 4,
    selectedRead: null,
    fineSteps: false,
    pendingMoment: null,
    landingNote: null,
    compareOpen: false,
    comparison: null,
    compareContrast: null,
    comparisonRequestId: 0,
    setCompareContrast: (compareContrast) => set({ compareContrast }),
    setFineSteps: (fineSteps) => set({ fineSteps }),
    setCompareOpen: (compareOpen) => set({ compareOpen }),
    beginComparison: () => {
      const id = get().comparisonRequestId + 1;
      set({ comparisonRequestId: id, comparison: null });
      return id;
    },
    receiveComparison: (id, comparison) => {
      if (id !== get().comparisonRequestId) return false;
      set({ comparison });
      return true;
    },
    runToPreviousCrosswire: () => {
      const { simulation, stepIndex } = get();
      const at = simulation ? crosswireFrom(simulation, stepIndex, -1) : -1;
      if (at >= 0) set({ stepIndex: at, playing: false, selectedRead: at, landingNote: null, ...aimedAt(at) });
    },
    beginSimulation: () => {
      const id = get().simulationRequestId + 1;
      set({ simulationRequestId: id, simulationRequestScenario: get().scenario, simulationRequestMoment: get().pendingMoment });
      return id;
    },
    receiveSimulation: (id, simulation) => {
      if (id !== get().simulationRequestId) return 'stale';
      if (get().pendingMoment !== get().simulationRequestMoment) return 're-aim';
      const { pendingStep, stepIndex } = get();
      const landing = pendingStep === null ? (simulation.landing ?? null) : null;
      const wanted = landing ? landing.step : (pendingStep ?? stepIndex);
      set({
        simulation,
        preview: null,
        simulationError: null,
        simulationAnsweredId: id,
        simulatedScenario: get().simulationRequestScenario,
        pendingStep: null,
        pendingMoment: null,
        simulationRequestMoment: null,
        landingNote: landing?.note ?? null,
        stepIndex: clampStep(simulation, wanted),
      });
      return 'shown';
    },
    failSimulation: (id, message) => {
      if (id !== get().simulationRequestId) return false;
      // The trace on screen belongs to an older scenario: never show it as this one's. The step is kept for the
      // next trace.
      set({ simulation: null, preview: null, simulatedScenario: null, simulationError: message, simulationAnsweredId: id, playing: false, pendingStep: get().pendingStep ?? get().stepIndex });
      return true;
    },
    setStep: (step) => {
      const stepIndex = clampStep(get().simulation, step);
      set({ stepIndex, pendingStep: null, landingNote: null, ...aimedAt(stepIndex) });
    },
    stepForward: () => {
      const { simulation, stepIndex, fineSteps } = get();
      get().setStep(simulation && !fineSteps ? nextEvent(simulation, stepIndex) : stepIndex + 1);
    },
    stepBack: () => {
      const { simulation, stepIndex, fineSteps } = get();
      get().setStep(simulation && !fineSteps ? previousEvent(simulation, stepIndex) : stepIndex - 1);
    },
    resetStepper: () => set({ stepIndex: 0, playing: false, pendingStep: null, selectedRead: null, landingNote: null, ...aimedAt(0) }),
    runToNextCrosswire: () => {
      const { simulation, stepIndex } = get();
      const at = simulation ? crosswireFrom(simulation, stepIndex, 1) : -1;
      if (at >= 0) set({ stepIndex: at, playing: false, selectedRead: at, landingNote: null, ...aimedAt(at) });
    },
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    selectRead: (selectedRead) => set({ selectedRead }),
    restoreStep: (step) => {
      const { simulation } = get();
      if (simulation && isCurrent()) set({ stepIndex: clampStep(simulation, step), pendingStep: null, landingNote: null, selectedRead: null });
      else if (simulation && step < simulation.steps.length) set({ stepIndex: Math.max(0, step), pendingStep: step });
      else set({ pendingStep: step });
    },
    setRunMode: (mode) => setRunKeepingMoment((run) => ({ ...run, mode })),
    setSlotCaptured: (slot, captured) =>
      setRunKeepingMoment((run) => {
        const current = run.captured ?? get().simulation?.captured ?? [];
        const next = captured ? [...new Set([...current, slot])] : current.filter((s) => s !== slot);
        return { ...run, captured: next as AppRun['captured'] };
      }),
    resetCaptured: () => setRunKeepingMoment((run) => ({ ...run, captured: null })),
    setEnforceAtSpawn: (enforceAtSpawn) => setRunKeepingMoment((run) => ({ ...run, enforceAtSpawn })),
    setSchedule: (schedule) => setRunKeepingMoment((run) => ({ ...run, schedule })),
    setThreads: (threads) => setRunKeepingMoment((run) => withThreads(run, threads)),
    choose: (step, task, thread = null) => {
      const { simulation } = get();
      // A choice on a trace that is not the current scenario's (the previous choice's trace still coming) would
      // take its earlier picks from the wrong run.
      if (!simulation || !isCurrent()) return;
      const picks = [...picksBefore(simulation, step), pickWord(task, thread)];
      // Keep the position: the new trace is identical up to this choice point.
      set({ pendingStep: step });
      setRun((run) => ({ ...run, schedule: { kind: 'picks', picks } }));
    },
  };
};
