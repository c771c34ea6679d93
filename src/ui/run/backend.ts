// What the run side needs from the core worker, as an interface so component tests pass a fake; the real one is
// the comlink client. Provided through React context (RunBackendContext) so a test can render the panel alone.
import { createContext, useContext } from 'react';
import type { Example, LessonComparison } from '../../core/examples/index.ts';
import type { GalleryGroup, GoalSolution, GoalStatus } from '../../core/goals/index.ts';
import type { SlotInfo } from '../../core/scheduler/catalog.ts';
import type { Moment } from '../../core/scheduler/moment.ts';
import type { ScenarioSimulation } from '../../core/scheduler/simulate.ts';
import type { SimulationResult } from '../../state/slices/runNav.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { getCoreClient } from '../../worker/client.ts';
import type { SessionWorker } from '../share/session.ts';

export interface RunBackend extends SessionWorker {
  simulate(scenario: Scenario): Promise<ScenarioSimulation>;
  /** The trace, plus where `moment` (the one the stepper showed) lands in it. */
  simulateAt(scenario: Scenario, moment: Moment | null): Promise<SimulationResult>;
  /** The scenario and its compare run, matched moment by moment: the contrast `contrastId` (null: the default). */
  compareScenario(scenario: Scenario, contrastId?: string | null): Promise<LessonComparison>;
  slotCatalog(): Promise<readonly SlotInfo[]>;
  examples(): Promise<readonly Example[]>;
  /** The run of `scenario` at `step` as Markdown, its link after `baseUrl` (core's scenarioMarkdown). */
  scenarioMarkdown(scenario: Scenario, step: number, baseUrl: string): Promise<string>;
  /** The gallery's path: the lessons and the challenges in their groups (core's GALLERY). */
  gallery(): Promise<readonly GalleryGroup[]>;
  /** The scenario's goal decided on its run, or null without a goal (core's scenarioGoalStatus). */
  goalStatus(scenario: Scenario): Promise<GoalStatus | null>;
  /** The explorer's answer to the scenario's goal (core's scenarioGoalSolution). */
  goalSolution(scenario: Scenario): Promise<GoalSolution | null>;
}

let real: RunBackend | null = null;

/** The worker client, created on first use (never at import: jsdom has no Worker). */
export function realRunBackend(): RunBackend {
  if (!real) real = getCoreClient() as unknown as RunBackend;
  return real;
}

/** null = the real worker. */
export const RunBackendContext = createContext<RunBackend | null>(null);

export function useRunBackend(): RunBackend {
  return useContext(RunBackendContext) ?? realRunBackend();
}
