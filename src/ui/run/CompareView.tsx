// Compare: the current moment in this run and in the compare run (the lesson's contrast by default: its fix, or
// its bug; the other contrasts in a menu), side by side. The same read with expected and observed on each side,
// red (✖ and words) where it cross-wires, green (✓) where it is the task's own; the headline from core says what
// differs at this moment and over the run. The right side follows the stepper by moment.
import type { LessonComparison } from '../../core/examples/index.ts';
import type { TraceStep } from '../../core/scheduler/trace.ts';
import { eventPosition, stepLabel, type SimulationResult } from '../../state/runNav.ts';

export interface CompareViewProps {
  simulation: SimulationResult;
  comparison: LessonComparison | null;
  stepIndex: number;
  colorOf: (task: string | null) => string;
  /** Picks another contrast (an option's id). */
  onContrast?: (id: string) => void;
}

// A side is judged by what its step decided: a cross-wire, a violation, an escaping spawn or a leak goes wrong; a
// refusal is neither (whether refusing was right is the lesson's question: the headline says what differs).
type Verdict = 'bad' | 'good' | 'refused';

function verdictOf(step: TraceStep): Verdict {
  if (step.kind === 'read') return step.crosswire ? 'bad' : 'good';
  if (step.kind === 'check') return step.crosswire || step.violation !== null || step.disagrees ? 'bad' : 'good';
  if (step.kind === 'spawn') return step.escapes ? 'bad' : 'good';
  if (step.kind === 'refuse') return 'refused';
  if (step.kind === 'panic') return step.restored ? 'good' : 'bad';
  return step.kind === 'outer-check' && !step.clean ? 'bad' : 'good';
}

const TAG_WORDS: Record<Verdict, (step: TraceStep) => string> = {
  bad: (step) => (step.kind === 'read' ? 'cross-wire' : step.kind === 'spawn' ? 'escapes the grant' : 'goes wrong'),
  good: (step) => (step.kind === 'read' ? 'its own value' : step.kind === 'panic' ? 'restored' : 'as expected'),
  refused: () => 'refused at spawn',
};

function Values({ step, colorOf }: { step: TraceStep; colorOf: CompareViewProps['colorOf'] }) {
  if (step.kind !== 'read') return null;
  return (
    <p className="compare-values">
      expected <span style={{ color: colorOf(step.expectedOwner) }}>{step.expected}</span>, observed{' '}
      <span style={{ color: colorOf(step.observedOwner) }}>{step.observed}</span>
    </p>
  );
}

function Side({ label, step, position, colorOf }: { label: string; step: TraceStep | undefined; position: string; colorOf: CompareViewProps['colorOf'] }) {
  if (!step) return <div className="compare-side">{label}: no step here.</div>;
  const verdict = verdictOf(step);
  return (
    <div className={`compare-side compare-${verdict}`}>
      <h4 className="compare-label">
        {label} <span className="compare-position">· {position}</span>
      </h4>
      <p className="compare-tag">
        <span className={verdict === 'bad' ? 'crosswire-tag' : verdict === 'good' ? 'ok-tag' : 'refused-tag'}>
          <span aria-hidden="true">{verdict === 'bad' ? '✖ ' : verdict === 'good' ? '✓ ' : '⊘ '}</span>
          {TAG_WORDS[verdict](step)}
        </span>
      </p>
      {/* A read is told by its values (the narration above tells the story); anything else by its sentence. */}
      {step.kind === 'read' ? (
        <p className="compare-narration">
          {step.task} {step.access === 'pop' ? 'pops' : 'reads'} <code>{step.slot}</code> for {step.what}
        </p>
      ) : (
        <p className="compare-narration">{step.narration}</p>
      )}
      <Values step={step} colorOf={colorOf} />
    </div>
  );
}

function ContrastMenu({ comparison, onContrast }: { comparison: LessonComparison; onContrast?: (id: string) => void }) {
  if (!onContrast || comparison.options.length < 2) return null;
  return (
    <label className="compare-contrast">
      Compare by{' '}
      <select value={comparison.contrastId ?? ''} onChange={(e) => onContrast(e.target.value)}>
        {comparison.contrastId === null ? <option value="">Mode or capture set (default)</option> : null}
        {comparison.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function CompareView({ simulation, comparison, stepIndex, colorOf, onContrast }: CompareViewProps) {
  // A comparison made for another trace (an edit since) would match the wrong steps.
  if (!comparison || comparison.lockstep.length !== simulation.steps.length) {
    return (
      <section className="compare" aria-label="Compare">
        <p className="compare-waiting">Comparing…</p>
      </section>
    );
  }
  const right = comparison.lockstep[stepIndex] ?? 0;
  const difference = comparison.headlines[stepIndex] ?? '';
  // With several threads, each side also says which thread its step runs on.
  const at = (sim: SimulationResult, i: number) => {
    const p = eventPosition(sim, i);
    const thread = sim.steps[i]?.snapshot.threadId;
    return `step ${stepLabel(sim, i)} of ${p.of}${thread === undefined ? '' : ` · thread ${thread + 1}`}`;
  };
  return (
    <section className="compare" aria-label="Compare">
      <ContrastMenu comparison={comparison} onContrast={onContrast} />
      <p className="compare-difference" role="status" aria-live="polite">
        {difference}
      </p>
      <div className="compare-sides">
        <Side label={`${comparison.leftLabel} (this run)`} step={simulation.steps[stepIndex]} position={at(simulation, stepIndex)} colorOf={colorOf} />
        <Side label={comparison.rightLabel} step={comparison.right.steps[right]} position={at(comparison.right, right)} colorOf={colorOf} />
      </div>
    </section>
  );
}
