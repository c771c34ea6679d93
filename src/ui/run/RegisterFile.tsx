// The thread-local register file: one row per catalog slot (captured or not, the catalog's reason on hover), the
// live value coloured by its owner, this poll's swap of the slot (in and out), and every task's saved scope.
// The slot swapped at the current step animates between the thread and the scope (a highlight with reduced motion).
import type { SlotValue } from '../../core/scheduler/scope.ts';
import type { TraceStep } from '../../core/scheduler/trace.ts';
import { slotDisplay } from './traceView.ts';

type SwapStep = Extract<TraceStep, { kind: 'swap' }>;

export interface SlotRow {
  name: string;
  /** Swapped per poll in this run. */
  captured: boolean;
  /** The catalog's reason for leaving it out (uncaptured slots). */
  reason: string | null;
}

export interface RegisterFileProps {
  slots: readonly SlotRow[];
  thread: readonly SlotValue[];
  /** Saved scope per task (null while the task is polled, before spawn, or lost). */
  scopes: readonly (readonly SlotValue[] | null)[];
  tasks: readonly { name: string; color: string }[];
  colorOf: (owner: string | null) => string;
  /** This poll's swaps so far, by slot name. */
  swaps: ReadonlyMap<string, SwapStep>;
  /** The step being shown (restarts the swap animation). */
  step: TraceStep | undefined;
  canToggle: boolean;
  onToggle: (slot: string, captured: boolean) => void;
}

function Value({ value, colorOf, animate }: { value: SlotValue | undefined; colorOf: RegisterFileProps['colorOf']; animate?: string }) {
  const shown = slotDisplay(value);
  if (shown.empty) return <span className="slot-empty">{shown.label}</span>;
  return (
    <span className={`slot-value ${animate ?? ''}`} style={{ '--owner-color': colorOf(shown.owner) } as React.CSSProperties} title={shown.owner ? `${shown.label}, owned by ${shown.owner}` : shown.label}>
      {shown.label}
      {shown.below > 0 ? <span className="slot-below"> +{shown.below}</span> : null}
    </span>
  );
}

export default function RegisterFile(props: RegisterFileProps) {
  const { slots, thread, scopes, tasks, colorOf, swaps, step } = props;
  const swappingNow = step?.kind === 'swap' ? step : null;
  const polled = step?.task ?? null;
  return (
    // Focusable so the table can be scrolled by keyboard when it overflows (axe: scrollable-region-focusable).
    <div className="register-wrap" tabIndex={0} role="region" aria-label="Thread-locals table">
      <table className="register-file" aria-label="Thread-locals">
        <thead>
          <tr>
            <th scope="col">
              Slot <span className="scope-note">(✓ captured)</span>
            </th>
            <th scope="col">Thread</th>
            <th scope="col">This poll</th>
            {tasks.map((task) => (
              <th scope="col" key={task.name} style={{ color: task.color }}>
                {task.name}
                <span className="visually-hidden"> saved scope</span>
                {task.name === polled ? <span className="scope-note"> (in use)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot, s) => {
            const swap = swaps.get(slot.name);
            const now = swappingNow?.slot === slot.name ? swappingNow : null;
            return (
              <tr key={slot.name} className={now ? `swapping swap-${now.direction}` : slot.captured ? 'captured' : 'uncaptured'}>
                <th scope="row" title={slot.reason ?? 'Captured: swapped per poll into each task scope'}>
                  <input
                    type="checkbox"
                    checked={slot.captured}
                    disabled={!props.canToggle}
                    onChange={(e) => props.onToggle(slot.name, e.target.checked)}
                    aria-label={`Capture ${slot.name}`}
                  />{' '}
                  <code>{slot.name}</code>
                </th>
                <td key={now ? `${step?.index}` : 'still'}>
                  <Value value={thread[s]} colorOf={colorOf} animate={now ? `anim-${now.direction}` : undefined} />
                </td>
                <td className="swap-cell">
                  {swap ? (
                    <span title={`${swap.direction === 'in' ? 'poll enter' : 'poll exit'}: ${swap.installed} onto the thread, ${swap.saved} off it`}>
                      <span className="swap-line">
                        <span aria-hidden="true">⇐ </span>in: {swap.installed}
                      </span>
                      <span className="swap-line">
                        <span aria-hidden="true">⇒ </span>out: {swap.saved}
                      </span>
                    </span>
                  ) : null}
                </td>
                {tasks.map((task, t) => (
                  <td key={task.name} className="scope-cell">
                    {slot.captured && scopes[t] ? <Value value={scopes[t]?.[s]} colorOf={colorOf} /> : <span className="slot-empty">·</span>}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
