// The scheduler stepper, connected to the store: controls, scrub bar, narration, the compare view, chooser, task
// lanes, the register file and the reads log, all views of one immutable trace at the current step index.
import { lazy, Suspense, useMemo } from 'react';
import type { SlotInfo } from '../../core/scheduler/catalog.ts';
import type { PredictPart } from '../../core/scenario/types.ts';
import { choiceAt, isCrosswireStep, isRunOfCurrentInputs, shownPreview } from '../../state/slices/run.ts';
import { crosswireFrom, eventPosition, nextEvent, stepLabel, type SimulationResult } from '../../state/runNav.ts';
import { useStore } from '../../state/store.ts';
import { usePredictView } from './usePredictView.ts';
import { PredictBar, PredictQuestion } from '../shell/panels.ts';
import './predict.css';
import Chooser from './Chooser.tsx';
import Narration, { toneOf } from './Narration.tsx';
import ReadsLog from './ReadsLog.tsx';
import RunningCode from './RunningCode.tsx';
import RegisterFile from './RegisterFile.tsx';
import { slotRowsOf, taskRowsOf } from './registerRows.ts';
import StepperPreview from './StepperPreview.tsx';
import ScrubBar from './ScrubBar.tsx';
import StepperControls from './StepperControls.tsx';
import TaskLanes from './TaskLanes.tsx';
import { consequencesOf, currentSlotOf, type LaneSegment, laneSegments, pollingTaskAt, readsOf, swapsOfPoll, taskColors, taskColorVar, threadFilesOf, type ReadStep } from './traceView.ts';

// Opened on demand, in chunks of their own (a link's first sentence does not wait for them: issue 30).
const CompareView = lazy(() => import('./CompareView.tsx'));
const StepperExport = lazy(() => import('./StepperExport.tsx'));

export interface StepperProps {
  catalog: readonly SlotInfo[];
  /** Embedded: no capture toggles, no chooser, no exports (nothing that changes the scenario or leaves the frame). */
  readOnly?: boolean;
}

export default function Stepper({ catalog, readOnly = false }: StepperProps) {
  const simulation = useStore((s) => s.simulation);
  const stale = useStore((s) => !isRunOfCurrentInputs(s));
  const stepIndex = useStore((s) => s.stepIndex);
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  const selectedRead = useStore((s) => s.selectedRead);
  const fineSteps = useStore((s) => s.fineSteps);
  const compareOpen = useStore((s) => s.compareOpen);
  const comparison = useStore((s) => s.comparison);
  const landingNote = useStore((s) => s.landingNote);
  const catalogRows = useStore((s) => s.catalogView?.rows);
  // A link's first reply, while its trace is on the way (and only for the scenario on screen).
  const preview = useStore(shownPreview);
  const actions = useStore.getState();
  const predict = usePredictView();
  const headline = useStore((s) => s.quiz?.quiz.headline ?? null);

  const derived = useMemo(() => {
    if (!simulation) return null;
    return { colors: taskColors(simulation), segments: laneSegments(simulation), reads: readsOf(simulation), consequences: consequencesOf(simulation) };
  }, [simulation]);

  // Predict mode waits for the whole trace and its questions: the preview is the landing step, answer and all.
  if (!simulation || !derived) return preview && !predict ? <StepperPreview preview={preview} catalog={catalog} /> : <p className="run-waiting">Simulating…</p>;
  const step = simulation.steps[stepIndex];
  const colorOf = (name: string | null) => taskColorVar(derived.colors, name);
  const slots = slotRowsOf(simulation, catalog, catalogRows);
  const tasks = taskRowsOf(simulation, step, colorOf);
  // The chooser offers the choice point the next Step reaches (the next event, or the next fine step).
  const next = fineSteps ? stepIndex + 1 : nextEvent(simulation, stepIndex);
  const nextChoice = next > stepIndex ? choiceAt(simulation, next) : null;
  const nextPoll = simulation.steps[next];
  const threads = simulation.summary.threads ?? 1;
  const reads = derived.reads.filter((read) => read.index <= stepIndex);
  const jump = (read: ReadStep) => {
    actions.setPlaying(false);
    actions.setStep(read.index);
    actions.selectRead(read.index);
    if (read.task !== null && read.span) actions.reveal(read.task, read.span);
  };
  // One number everywhere: the event step, the fine step after a dot ("13.4") when between events.
  const events = eventPosition(simulation, stepIndex);
  const position = { at: stepLabel(simulation, stepIndex), of: events.of };
  // Predict mode: what is hidden now, and the question at this step (asked, or just answered).
  const hides = predict?.hides ?? NOTHING_HIDDEN;
  const asking = predict !== null && (predict.pending || predict.asking);
  const askedRead = predict?.asking && step?.kind === 'read' ? step.index : null;

  return (
    // The skip link's target (focused, not tabbed to: its first control is the next stop).
    // While the run of the current inputs is on its way, this is the previous run: its counts, sentence and values
    // fade and the legend says why (after a moment, so a quick re-simulation does not flicker).
    <div className={stale ? 'stepper stepper-stale' : 'stepper'} id="stepper" tabIndex={-1} aria-label="Stepper and thread-locals" role="group" aria-busy={stale || undefined}>
      <StepperControls
        stepIndex={stepIndex}
        stepCount={simulation.steps.length}
        position={position.at}
        positionCount={position.of}
        playing={playing}
        speed={speed}
        hasNextCrosswire={!hides.has('marks') && crosswireFrom(simulation, stepIndex, 1) >= 0}
        hasPreviousCrosswire={!hides.has('marks') && crosswireFrom(simulation, stepIndex, -1) >= 0}
        fineSteps={fineSteps}
        compareOpen={compareOpen}
        onStep={() => actions.stepForward()}
        onBack={() => actions.stepBack()}
        onPlay={() => actions.setPlaying(true)}
        onPause={() => actions.setPlaying(false)}
        onReset={() => actions.resetStepper()}
        onNextCrosswire={() => actions.runToNextCrosswire()}
        onPreviousCrosswire={() => actions.runToPreviousCrosswire()}
        onFineSteps={(fine) => actions.setFineSteps(fine)}
        onCompare={(open) => actions.setCompareOpen(open)}
        onSpeed={(s) => actions.setSpeed(s)}
      />
      {predict ? (
        <Suspense fallback={null}>
          <PredictBar.Panel view={predict} headline={headline} onRestart={() => actions.restartPredict()} />
        </Suspense>
      ) : null}
      <ScrubBar stepIndex={stepIndex} stepCount={simulation.steps.length} markers={hides.has('marks') ? NO_MARKS : simulation.markers} legend={hides.has('counts') ? NO_LEGEND : simulation.legend} staleText={stale ? STALE_RUN_TEXT : null} positionText={`step ${position.at} of ${position.of}`} onSeek={(s) => actions.setStep(s)} />
      {predict?.question ? (
        <Suspense fallback={null}>
          <PredictQuestion.Panel question={predict.question.question} chosen={predict.question.chosen} onAnswer={(choice) => actions.answerQuestion(predict.question!.question.step, choice)} />
        </Suspense>
      ) : null}
      {asking && hides.has('consequence') ? (
        predict?.pending ? <p className="narration predict-pending">Step {position.at}: preparing the questions…</p> : null
      ) : (
        <Narration
          position={position.at}
          text={step?.narration ?? 'The trace is empty.'}
          detail={step?.detail ?? null}
          tone={hides.has('verdicts') ? null : toneOf(step, isCrosswireStep(simulation, stepIndex) || (step?.kind === 'check' && step.crosswire))}
          note={landingNote}
        />
      )}
      {compareOpen && hides.has('compare') ? (
        <section className="compare" aria-label="Compare">
          <p className="compare-waiting">Compare is hidden in Predict mode until every question is answered.</p>
        </section>
      ) : compareOpen ? (
        <Suspense fallback={<p className="run-waiting">Comparing…</p>}>
          <CompareView simulation={simulation} comparison={comparison} stepIndex={stepIndex} colorOf={colorOf} onContrast={actions.setCompareContrast} />
        </Suspense>
      ) : null}
      {nextChoice && !readOnly ? (
        <Chooser
          ready={nextChoice}
          chosen={nextPoll?.task ?? null}
          chosenThread={nextPoll?.kind === 'poll-enter' ? (nextPoll.thread ?? null) : null}
          threads={threads}
          colorOf={colorOf}
          onChoose={(task, thread) => actions.choose(next, task, thread)}
          stale={stale}
        />
      ) : null}
      <TaskLanes tasks={tasks} segments={hides.has('marks') ? lanesUpTo(derived.segments, stepIndex) : derived.segments} threads={threads} stepIndex={stepIndex} stepCount={simulation.steps.length} onSeek={(s) => actions.setStep(s)} />
      <RegisterFile
        slots={slots}
        threads={threadFilesOf(step)}
        threadId={step?.snapshot.threadId ?? null}
        polling={pollingTaskAt(simulation, stepIndex)}
        scopes={step?.snapshot.scopes ?? []}
        tasks={tasks}
        colorOf={colorOf}
        swaps={swapsOfPoll(simulation, stepIndex)}
        step={step}
        current={currentSlotOf(simulation, stepIndex)}
        ownerHidden={asking && hides.has('owners') ? currentSlotOf(simulation, stepIndex) : null}
        hideMarks={asking && hides.has('verdicts')}
        scoped={simulation.mode !== 'unscoped'}
        canToggle={!readOnly && simulation.mode !== 'unscoped'}
        onToggle={(slot, on) => actions.setSlotCaptured(slot, on)}
      />
      <ReadsLog reads={reads} hidden={askedRead} hideConsequence={hides.has('consequence')} hideVerdict={hides.has('verdicts')} consequences={derived.consequences} colorOf={colorOf} selected={selectedRead} currentStep={stepIndex} onJump={jump} stepLabel={(i) => stepLabel(simulation, i)} />
      <p className="run-summary">{hides.has('counts') ? 'The counts are hidden in Predict mode until every question is answered.' : simulation.summary.message}</p>
      {/* Shown where the editor is not (the embed, the phone's Lesson layout): CSS decides. */}
      <RunningCode />
      {readOnly ? null : (
        <Suspense fallback={null}>
          {/* The exports show what the page shows: in Predict mode, without what it hides now. */}
          <StepperExport
            simulation={simulation}
            segments={hides.has('marks') ? lanesUpTo(derived.segments, stepIndex) : derived.segments}
            markers={hides.has('marks') ? NO_MARKS : simulation.markers}
            colors={derived.colors}
            predict={predict ? { hides: [...hides], asking } : null}
          />
        </Suspense>
      )}
    </div>
  );
}

// Predict mode: the lanes as far as the stepper has gone (the rest would show refusals and panics to come).
function lanesUpTo(segments: readonly (readonly LaneSegment[])[], step: number): LaneSegment[][] {
  return segments.map((lane) => lane.filter((s) => s.from <= step).map((s) => (s.to > step + 1 ? { ...s, to: step + 1 } : s)));
}

const NOTHING_HIDDEN: ReadonlySet<PredictPart> = new Set();
const NO_MARKS: SimulationResult['markers'] = [];
const NO_LEGEND: SimulationResult['legend'] = [];

/** Said after the legend while the stepper shows the run before the latest change. */
export const STALE_RUN_TEXT = 'the run before your change; simulating the current one…';
