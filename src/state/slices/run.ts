// Run-side state: the latest simulation from the worker (an immutable trace, replaced whole; stale replies are
// dropped), the stepper's position and playback, the selected read, and the run settings edits (mode, capture
// set, enforcement, schedule) that change the scenario and so trigger a re-simulation.
import type { RunMode, RunSettings as AppRun, Schedule } from '../../core/scenario/types.ts';
import type { ScenarioSimulation as SimulationResult } from '../../core/scheduler/simulate.ts';
import type { SliceCreator } from '../storeTypes.ts';

/** Playback speeds offered, in steps per second. */
export const PLAY_SPEEDS = [1, 2, 4, 8, 16] as const;

export interface RunSlice {
  /** The trace of the latest scenario the worker answered for; `null` until the first reply. */
  simulation: SimulationResult | null;
  simulationRequestId: number;
  /** A worker failure for the latest request; `null` when fine. */
  simulationError: string | null;
  /** The stepper's position: an index into `simulation.steps` (the only thing the UI holds about the trace). */
  stepIndex: number;
  /** A position to restore once the next trace arrives (a link or autosave names a step before its trace exists). */
  pendingStep: number | null;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  /** The step of the read selected in the reads log (highlighted), or null. */
  selectedRead: number | null;
  beginSimulation: () => number;
  /** Stores a reply (clamping the step); returns false when `id` is not the latest request. */
  receiveSimulation: (id: number, simulation: SimulationResult) => boolean;
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
  /** The chooser: at the choice point before `step`, poll `task` next (earlier choices are kept as picks). */
  choose: (step: number, task: string) => void;
}

function clampStep(simulation: SimulationResult | null, step: number): number {
  const last = simulation ? simulation.steps.length - 1 : 0;
  return Math.max(0, Math.min(Math.trunc(step), Math.max(0, last)));
}

/** Whether step `i` of a trace is a cross-wire (a read or check that cross-wires). */
export function isCrosswireStep(simulation: SimulationResult, i: number): boolean {
  const step = simulation.steps[i];
  return step !== undefined && (step.kind === 'read' || step.kind === 'check') && step.crosswire;
}

/** The tasks that were ready at the choice point step `i` resolved (recorded on its poll-enter), else null. */
export function choiceAt(simulation: SimulationResult, i: number): string[] | null {
  const step = simulation.steps[i];
  return step?.kind === 'poll-enter' && step.choice ? step.choice.ready : null;
}

/** The task polled at each choice point strictly before step `i`, in order (the picks that reproduce them). */
export function picksBefore(simulation: SimulationResult, i: number): string[] {
  const picks: string[] = [];
  for (let s = 0; s < i && s < simulation.steps.length; s++) {
    const step = simulation.steps[s]!;
    if (step.kind === 'poll-enter' && step.choice) picks.push(step.choice.chosen);
  }
  return picks;
}

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => {
  const setRun = (patch: (run: AppRun) => AppRun) =>
    set(({ scenario }) => ({ scenario: { ...scenario, run: patch(scenario.run) } }));
  return {
    simulation: null,
    simulationRequestId: 0,
    simulationError: null,
    stepIndex: 0,
    pendingStep: null,
    playing: false,
    speed: 4,
    selectedRead: null,
    beginSimulation: () => {
      const id = get().simulationRequestId + 1;
      set({ simulationRequestId: id });
      return id;
    },
    receiveSimulation: (id, simulation) => {
      if (id !== get().simulationRequestId) return false;
      const wanted = get().pendingStep ?? get().stepIndex;
      set({ simulation, simulationError: null, pendingStep: null, stepIndex: clampStep(simulation, wanted) });
      return true;
    },
    failSimulation: (id, message) => {
      if (id !== get().simulationRequestId) return false;
      // The trace on screen belongs to an older scenario: never show it as this one's. The step is kept for the
      // next trace.
      set({ simulation: null, simulationError: message, playing: false, pendingStep: get().pendingStep ?? get().stepIndex });
      return true;
    },
    setStep: (step) => set(({ simulation }) => ({ stepIndex: clampStep(simulation, step), pendingStep: null })),
    stepForward: () => get().setStep(get().stepIndex + 1),
    stepBack: () => get().setStep(get().stepIndex - 1),
    resetStepper: () => set({ stepIndex: 0, playing: false, pendingStep: null, selectedRead: null }),
    runToNextCrosswire: () => {
      const { simulation, stepIndex } = get();
      if (!simulation) return;
      for (let i = stepIndex + 1; i < simulation.steps.length; i++) {
        if (isCrosswireStep(simulation, i)) {
          set({ stepIndex: i, playing: false, selectedRead: i });
          return;
        }
      }
    },
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    selectRead: (selectedRead) => set({ selectedRead }),
    restoreStep: (step) => {
      const { simulation } = get();
      if (simulation && step < simulation.steps.length) set({ stepIndex: Math.max(0, step), pendingStep: step });
      else set({ pendingStep: step });
    },
    setRunMode: (mode) => setRun((run) => ({ ...run, mode })),
    setSlotCaptured: (slot, captured) =>
      setRun((run) => {
        const current = run.captured ?? get().simulation?.captured ?? [];
        const next = captured ? [...new Set([...current, slot])] : current.filter((s) => s !== slot);
        return { ...run, captured: next as AppRun['captured'] };
      }),
    resetCaptured: () => setRun((run) => ({ ...run, captured: null })),
    setEnforceAtSpawn: (enforceAtSpawn) => setRun((run) => ({ ...run, enforceAtSpawn })),
    setSchedule: (schedule) => setRun((run) => ({ ...run, schedule })),
    choose: (step, task) => {
      const { simulation } = get();
      if (!simulation) return;
      const picks = [...picksBefore(simulation, step), task];
      // Keep the position: the new trace is identical up to this choice point.
      set({ pendingStep: step });
      setRun((run) => ({ ...run, schedule: { kind: 'picks', picks } }));
    },
  };
};
