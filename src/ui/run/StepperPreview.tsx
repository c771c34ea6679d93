// The stepper at a link's landing step, from the worker's first reply (issue 30), while the whole trace is on its
// way: the step's position and sentence and the register file at that moment, read-only. The controls, scrub bar,
// lanes and reads log need the whole trace; until it arrives their place says so.
import type { SlotInfo } from '../../core/scheduler/catalog.ts';
import type { TracePreview } from '../../core/scheduler/preview.ts';
import { useStore } from '../../state/store.ts';
import Narration, { toneOf } from './Narration.tsx';
import RegisterFile from './RegisterFile.tsx';
import { slotRowsOf, taskRowsOf } from './registerRows.ts';
import { currentSlotOf, pollingTaskAt, swapsOfPoll, taskColors, taskColorVar, threadFilesOf } from './traceView.ts';

export default function StepperPreview({ preview, catalog }: { preview: TracePreview; catalog: readonly SlotInfo[] }) {
  const catalogRows = useStore((s) => s.catalogView?.rows);
  // The preview's steps are its landing step's poll: the trace views that look back within a poll read them as is.
  const last = preview.steps.length - 1;
  const step = preview.steps[last];
  const colors = taskColors(preview);
  const colorOf = (name: string | null) => taskColorVar(colors, name);
  const { at, of } = preview.position;
  return (
    <div className="stepper stepper-preview" aria-label="Stepper and thread-locals" role="group" aria-busy="true">
      <p className="stepper-preview-status run-waiting">
        Step {at} of {of} · loading the whole trace ({preview.stepCountText} steps)…
      </p>
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
