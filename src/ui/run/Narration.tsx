// The current step in words, announced to screen readers (aria-live) as the user steps: one plain sentence (what
// happened, why, and what it does), a secondary detail line (clock, choice point, expected vs observed), and the
// one-line note when a re-run could not land on the same moment. A step that is a lesson's point is tagged with
// an icon and a word in its own colour: a cross-wire, a violation or an escape, a refusal, a leak (red family), a
// host call whose borrowed trusted-bridge depth skips the policy check (amber), a restore or a covered spawn
// (green); colour never carries the meaning alone.
import type { TraceStep } from '../../core/scheduler/trace.ts';

/** What kind of point a step makes, for its tag and colour; null: an ordinary step. */
export type NarrationTone = 'crosswire' | 'bypass' | 'violation' | 'escape' | 'refusal' | 'leak' | 'restored' | 'covered';

const TAGS: Record<NarrationTone, { icon: string; word: string; bad: boolean }> = {
  crosswire: { icon: '✖', word: 'cross-wire', bad: true },
  bypass: { icon: '⚠', word: 'cross-wire, policy check skipped', bad: true },
  violation: { icon: '✖', word: 'violation', bad: true },
  escape: { icon: '✖', word: 'escapes the grant', bad: true },
  refusal: { icon: '⊘', word: 'refused', bad: true },
  leak: { icon: '◆', word: 'leak', bad: true },
  restored: { icon: '✓', word: 'restored', bad: false },
  covered: { icon: '✓', word: 'covered by the grant', bad: false },
};

/** The tone of a step, read from the decision core recorded on it. */
export function toneOf(step: TraceStep | undefined, crosswire: boolean): NarrationTone | null {
  if (!step) return null;
  // The bridge lesson's point: the depth read it got from another task lets its bridged builtins skip a check.
  if (step.kind === 'read' && step.bridge?.skipped) return 'bypass';
  if (crosswire) return 'crosswire';
  if (step.kind === 'check' && step.violation !== null) return 'violation';
  if (step.kind === 'spawn' && step.escapes) return 'escape';
  if (step.kind === 'spawn' && step.covered) return 'covered';
  if (step.kind === 'refuse') return 'refusal';
  if (step.kind === 'panic' && step.leaked) return 'leak';
  if (step.kind === 'panic' && step.restored) return 'restored';
  if (step.kind === 'outer-check' && !step.clean) return 'leak';
  return null;
}

export interface NarrationProps {
  position: string;
  text: string;
  detail: string | null;
  tone: NarrationTone | null;
  note: string | null;
}

export default function Narration({ position, text, detail, tone, note }: NarrationProps) {
  const tag = tone ? TAGS[tone] : null;
  const className = tone ? `narration narration-${tone}${tag!.bad ? ' narration-bad' : ' narration-good'}` : 'narration';
  return (
    <div className={className}>
      <p className="narration-text" aria-live="polite" aria-atomic="true" role="status">
        <span className="narration-step">Step {position}: </span>
        {tag ? (
          <span className={tag.bad ? `crosswire-tag tone-${tone}` : 'ok-tag'}>
            <span aria-hidden="true">{tag.icon} </span>
            {tag.word}:{' '}
          </span>
        ) : null}
        {text}
      </p>
      {detail ? <p className="narration-detail">{detail}</p> : null}
      {note ? (
        <p className="narration-note" role="note">
          {note}
        </p>
      ) : null}
    </div>
  );
}
