// The core web worker: exposes core functions with comlink and nothing more (no logic here — STYLE "The worker
// has no logic"). Every function takes and returns plain data. The run side adds its functions to `api`. The
// worker's script (staged.worker.ts) answers a link's preview first and imports this module beside it.
import { expose, type Endpoint } from 'comlink';
import { createViewAnalyzer, grantFromJson, KNOWN_CAPABILITY_OPS, parseCeiling, policyToHarn } from '../core/analysis/index.ts';
import { SIDE_EFFECT_LEVEL_RANK } from '../core/analysis/effects.ts';
import { decodeLink, encodeLink, loadScenario, shareLinkOf } from '../core/scenario/index.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG, indexMoments, landOn, type Moment } from '../core/scheduler/index.ts';
import { compareWithContrast, EXAMPLES } from '../core/examples/index.ts';
import { scenarioCatalogView, scenarioDriftOfFiles } from '../core/drift/index.ts';
import { createExplorer, exploreInSlices, replayScenario, type ExploreOptions, type ExploreProgress, type ExploreResult } from '../core/explorer/index.ts';
import { scenarioMarkdown, type MarkdownReportOptions } from '../core/report/markdown.ts';
import { policyFixesAt, proposeCeiling, proposeGrant } from '../core/authoring/index.ts';
import { GALLERY, scenarioGoalSolution, scenarioGoalStatus } from '../core/goals/index.ts';
import { scenarioQuiz } from '../core/teaching/index.ts';
import type { Scenario } from '../core/scenario/types.ts';
import { linkPreviewer as previewer } from './linkPreviewer.ts';
import { timedEndpoint } from './timing.ts';

/** The id of the latest exploration; an older one sees the change after its next slice and stops (latest wins). */
let latestExplore = 0;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The explorer options that cross postMessage (not the in-process `onSchedule` hook). */
export type ExploreRequest = Pick<ExploreOptions, 'mode' | 'maxSchedules' | 'prune' | 'maxFailures'>;

/** The analyses of this worker: unchanged programs are not re-analyzed, replies carry only what changed since the
 * reply the page holds, and hovers come from the latest analysis. */
const analyzer = createViewAnalyzer();

/** A scenario's run: the worker's one way to it. The last run is kept (createRunMemo), so the trace, Predict mode's
 * questions, the goal's verdict and the exports of one edit share one simulation. */
const run = (scenario: Scenario) => previewer.simulate(scenario);

/** The worker protocol: one object of functions, each a direct call into core. */
export const api = {
  /** Parent + children → the page's view of each program's effects, drops, violations, lints and diagnostics: the
   * whole view, or a patch against reply version `have` when that is the last one sent (`createViewAnalyzer`). */
  analyzeScenario: (input: Parameters<typeof analyzer.analyze>[0], have: number | null) => analyzer.analyze(input, have),
  /** The effect hover at `offset` in `program` as last analyzed, or null (computed on demand, not sent per edit). */
  effectHoverAt: (program: string, offset: number) => analyzer.hoverAt(program, offset),
  /** Validates a ceiling's text (JSON or a Harn dict literal); errors are returned, never thrown. */
  parseCeiling,
  /** A ceiling as a Harn dict literal (`capability_policy: {…}`), for "Copy as Harn" and the Harn view. */
  policyToHarn,
  /** Decodes an explicit parent grant (serde JSON effect list or `{"effects": […]}`); errors are returned, never thrown. */
  effectsFromJson: grantFromJson,
  /** "Tighten to what it uses": a child's tightest ceiling keeping what it is granted today, with what it changes
   * (`proposeCeiling`, the policy `suggest --tighten` prints). */
  proposeCeiling,
  /** "Grant what the children need": the smallest grant covering what the children are granted today, with what it
   * changes (`proposeGrant`, the grant `suggest --tighten` prints). */
  proposeGrant,
  /** The fixes at a call site or a ledger row of a child: "Allow … in alpha's ceiling", "Add … to the parent grant",
   * each with the whole policy to put into effect (`policyFixesAt`). */
  policyFixesAt,
  /** The capability → ops names and side-effect levels a ceiling can name (for the ceiling form). */
  policyVocabulary: () => ({ capabilities: KNOWN_CAPABILITY_OPS, levels: Object.keys(SIDE_EFFECT_LEVEL_RANK) }),
  /** Run side: a scenario → its immutable trace and summary (`simulate`; the last run kept, a link preview's too). */
  simulate: run,
  /** A scenario and the moment the stepper showed (before a run setting changed) → its trace, plus where that
   * moment lands in it (`landOn`: the same moment, else the task's nearest earlier one with a note). */
  simulateAt: (scenario: Scenario, moment: Moment | null) => {
    const result = run(scenario);
    return { ...result, landing: moment === null ? null : landOn(indexMoments(result.steps), moment) };
  },
  /** The scenario and its compare run side by side, matched moment by moment: the contrast `contrastId` (null:
   * the lesson's own, else the default), with the menu of the others (`compareWithContrast`). */
  compareScenario: (scenario: Scenario, contrastId: string | null = null) => compareWithContrast(scenario, contrastId),
  /** Predict mode's questions of a scenario's run (`scenarioQuiz`: at each read or check its lesson is about). */
  scenarioQuiz: (scenario: Scenario) => scenarioQuiz(scenario, run(scenario)),

  /** The 28 ambient thread-local slots: name, shape, captured or uncaptured with the reason. */
  slotCatalog: () => AMBIENT_THREAD_LOCAL_CATALOG,
  /** The Catalog view of a scenario: every slot (seed and added) with its decision, and the drift guard's report. */
  scenarioCatalogView,
  /** The drift guard on dropped or picked files (path + text) against the scenario's catalog. */
  scenarioDriftOfFiles,
  /** The run of a scenario at one step as Markdown for an issue (`scenarioMarkdown`; the CLI prints the same); in
   * Predict mode without what it hides now. */
  scenarioMarkdown: (scenario: Scenario, step: number, baseUrl: string, predict?: MarkdownReportOptions['predict']) =>
    scenarioMarkdown(scenario, run(scenario), { step, baseUrl, ...(predict ? { predict } : {}) }),
  /** Scenario → `#s=…` share-link fragment. */
  encodeLink,
  /** Scenario → its share-link fragment, or why the loader would refuse it (same schema and limits). */
  shareLinkOf,
  /** Fragment or URL → scenario, or the error kind and message; never throws. */
  decodeLink,
  /** A link opened at page load: its scenario (or why not) and the stepper at its step, before the whole trace
   * (`previewLink`; the page asks for the trace next, as for any scenario). */
  previewLink: (fragmentOrUrl: string) => previewer.previewLink(fragmentOrUrl),
  /** Validates (and migrates) external input such as the autosave; errors are returned, never thrown. */
  loadScenario,
  /** The lessons: id, title, two-sentence explanation, and the scenario each opens. */
  examples: () => EXAMPLES,
  /** Explorer: runs `createExplorer` in slices (`exploreInSlices`), posting progress after each (`onProgress` is a
   * `Comlink.proxy`), until done, cancelled or superseded by a newer `startExplore`; resolves with the (possibly
   * partial, `cancelled`) result. Between slices the worker's event loop runs, so the watchdog's ping is answered. */
  startExplore: (id: number, scenario: Scenario, options: ExploreRequest, onProgress?: (progress: ExploreProgress) => unknown): Promise<ExploreResult> => {
    latestExplore = id;
    const { mode, maxSchedules, prune, maxFailures } = options;
    const explorer = createExplorer(scenario, { mode, maxSchedules, prune, maxFailures });
    return exploreInSlices(explorer, { now: () => performance.now(), pause: yieldToEventLoop, stopped: () => latestExplore !== id, onProgress });
  },
  /** Stops exploration `id` at its next slice (its `startExplore` then resolves with `cancelled: true`). */
  cancelExplore: (id: number) => {
    if (latestExplore === id) latestExplore = 0;
  },
  /** A failing schedule's picks → the scenario the stepper replays it with (picks schedule, zero latencies). */
  replayScenario,
  /** The gallery's path: scope lessons, policy lessons and challenges, each in order with its first to start at. */
  gallery: () => GALLERY,
  /** A scenario's goal decided on its run (a challenge's id and the next one's), or null without a goal. */
  goalStatus: (scenario: Scenario) => scenarioGoalStatus(scenario, run),
  /** "Show a solution": the explorer's first schedule that meets the scenario's goal, or why there is none. */
  goalSolution: scenarioGoalSolution,
};

expose(api, timedEndpoint(self as unknown as Endpoint));
