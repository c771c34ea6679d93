// The stepper at a link's landing step, from the worker's first reply (issue 30), while the whole trace is on its
// way: the step's position and sentence and the register file at that moment, read-only. The controls and scrub
// bar are the full stepper's, disabled (so the sentence stays where it is when the trace arrives); the lanes and
// reads log need the whole trace.
import type { SlotInfo } from '../../core/scheduler/catalog.ts';
import type { TracePreview } from '../../core/scheduler/preview.ts';
import { useStore } from '../../state/store.ts';
import Narration, { toneOf } from './Narration.tsx';
import RegisterFile from './RegisterFile.tsx';
import ScrubBar from './ScrubBar.tsx';
import StepperControls from './StepperControls.tsx';
import { slotRowsOf, taskRowsOf } from './registerRows.ts';
import { currentSlotOf, pollingTaskAt, swapsOfPoll, taskColors, taskColorVar, threadFilesOf, type Marker } from './traceView.ts';

const NOTHING = (): void => undefined;
const NO_MARKS: readonly Marker[] = [];

export default function StepperPreview({ preview, catalog }: { preview: TracePreview; catalog: readonly SlotInfo[] }) {
  const catalogRows = useStore((s) => s.catalogView?.rows);
  const speed = useStore((s) => s.speed);
  // The preview's steps are its landing step's poll: the trace views that look back within a poll read them as is.
  const last = preview.steps.length - 1;
  const step = preview.steps[last];
  const colors = taskColors(preview);
  const colorOf = (name: string | null) => taskColorVar(colors, name);
  const { at, of } = preview.position;
  return (
    <div className="stepper stepper-preview" aria-label="Stepper and thread-locals" role="group" aria-busy="true">
      {/* The full stepper's controls and scrub bar, disabled: the sentence does not move when the trace arrives. */}
      <StepperControls
        stepIndex={0}
        stepCount={0}
        position={String(at)}
        positionCount={of}
        playing={false}
        speed={speed}
        hasNextCrosswire={false}
        hasPreviousCrosswire={false}
        fineSteps={false}
        compareOpen={false}
        onStep={NOTHING}
        onBack={NOTHING}
        onPlay={NOTHING}
        onPause={NOTHING}
        onReset={NOTHING}
        onNextCrosswire={NOTHING}
        onPreviousCrosswire={NOTHING}
        onFineSteps={NOTHING}
        onCompare={NOTHING}
        onSpeed={NOTHING}
        waiting
      />
      <ScrubBar
        stepIndex={at - 1}
        stepCount={of}
        markers={NO_MARKS}
        legend={[]}
        positionText={`step ${at} of ${of}`}
        onSeek={NOTHING}
        waitingText={`Step ${at} of ${of} · loading the whole trace (${preview.stepCountText} steps)…`}
      />
      <Narration
        position={String(at)}
        text={step?.narration ?? 'The trace is empty.'}
        detail={step?.detail ?? null}
        tone={toneOf(step, (step?.kind === 'read' || step?.kind === 'check') && step.crosswire)}
        note={null}
      />
      <RegisterFile
        slots={slotRowsOf(preview, catalog.length > 0 ? catalog : preview.catalog, catalogRows)}
        threads={threadFilesOf(step)}
        threadId={step?.snapshot.threadId ?? null}
        polling={pollingTaskAt(preview, last)}
        scopes={step?.snapshot.scopes ?? []}
        tasks={taskRowsOf(preview, step, colorOf)}
        colorOf={colorOf}
        swaps={swapsOfPoll(preview, last)}
        step={step}
        current={currentSlotOf(preview, last)}
        scoped={preview.mode !== 'unscoped'}
        canToggle={false}
        onToggle={() => undefined}
      />
    </div>
  );
}
