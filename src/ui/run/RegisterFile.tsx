// The thread-local register file: one row per catalog slot (captured or not, the catalog's reason on hover), the
// live value coloured by its owner, this poll's swap of the slot (in and out), and every task's saved scope. With
// several simulated threads, one live column per thread (a task's values keep its colour in each), the polling
// thread marked ("Thread 2 · polling alpha").
// The slot the current step is about is highlighted (aria-current) and scrolled into view; values wrap, never cut.
// Catalog-uncaptured rows with nothing in them fold away. The slot swapped at the current step animates between the
// thread and the scope (a highlight with reduced motion). A legend under it says what every mark means.
import { useEffect, useRef, useState } from 'react';
import type { SlotValue } from '../../core/scheduler/scope.ts';
import type { TraceStep } from '../../core/scheduler/trace.ts';
import RegisterLegend from './RegisterLegend.tsx';
import { revealNearest } from './scrolling.ts';
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
  /** Every thread's register file (one with a single thread). */
  threads: readonly (readonly SlotValue[])[];
  /** Several threads: the thread (0-based) polling now or last; null with one thread. */
  threadId: number | null;
  /** The task being polled at this step, or null between polls. */
  polling: string | null;
  /** Saved scope per task (null while the task is polled, before spawn, or lost). */
  scopes: readonly (readonly SlotValue[] | null)[];
  tasks: readonly { name: string; color: string }[];
  colorOf: (owner: string | null) => string;
  /** This poll's swaps so far, by slot name. */
  swaps: ReadonlyMap<string, SwapStep>;
  /** The step being shown (restarts the swap animation). */
  step: TraceStep | undefined;
  /** The slot the step reads, swaps or sets (highlighted, scrolled into view), or null. */
  current: string | null;
  /** Predict mode: the slot about to be read, shown without its owner's colour or name until the question is
   * answered; null or absent = none. */
  ownerHidden?: string | null;
  /** Predict mode: the step's ◆ leaked and ✓ restored marks wait for the answer. */
  hideMarks?: boolean;
  /** False in unscoped mode: no poll swaps and no task keeps a saved scope, so those columns are left out. */
  scoped: boolean;
  canToggle: boolean;
  onToggle: (slot: string, captured: boolean) => void;
}

/** A label with break opportunities (<wbr>) after path, field and name separators, so a narrow cell wraps it whole
 * at a "/", "," or "_" instead of mid-name (the text itself is unchanged). */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[/,=(_])/);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </>
  );
}

function Value({ value, colorOf, animate, anonymous = false }: { value: SlotValue | undefined; colorOf: RegisterFileProps['colorOf']; animate?: string; anonymous?: boolean }) {
  const shown = slotDisplay(value);
  if (shown.empty) return <span className="slot-empty">{shown.label}</span>;
  const owner = anonymous ? null : shown.owner;
  return (
    <span className={`slot-value ${animate ?? ''}${anonymous ? ' owner-hidden' : ''}`} style={anonymous ? undefined : ({ '--owner-color': colorOf(owner) } as React.CSSProperties)} title={owner ? `${shown.label}, owned by ${owner}` : shown.label}>
      <Breakable text={shown.label} />
      {shown.below > 0 ? <span className="slot-below"> +{shown.below}</span> : null}
    </span>
  );
}

/** A row folds when the catalog leaves its slot uncaptured and it holds nothing anywhere at this step. */
function isQuiet(props: RegisterFileProps, slot: SlotRow, s: number): boolean {
  if (slot.reason === null || slot.name === props.current || props.swaps.has(slot.name)) return false;
  if (props.threads.some((registers) => !slotDisplay(registers[s]).empty)) return false;
  return props.scopes.every((scope) => !scope || slotDisplay(scope[s]).empty);
}

function SwapCell({ swap }: { swap: SwapStep | undefined }) {
  if (!swap) return null;
  return (
    <span title={`${swap.direction === 'in' ? 'poll enter' : 'poll exit'}: ${swap.installed} onto the thread, ${swap.saved} off it`}>
      <span className="swap-line">
        <span aria-hidden="true">⇐ </span>in: <Breakable text={swap.installed} />
      </span>
      <span className="swap-line">
        <span aria-hidden="true">⇒ </span>out: <Breakable text={swap.saved} />
      </span>
    </span>
  );
}

/** The live columns: one per thread, each with its heading (the polling one names its task). */
interface ThreadColumn {
  registers: readonly SlotValue[];
  label: string;
  /** Each cell's label on a phone (the rows are cards there). */
  cellLabel: string;
  polling: boolean;
}

function threadColumns(props: RegisterFileProps): ThreadColumn[] {
  const { threads, threadId, polling, scoped } = props;
  if (threadId === null)
    return [{ registers: threads[0] ?? [], label: scoped ? 'Thread' : 'Thread (shared by every task: unscoped)', cellLabel: 'Thread', polling: false }];
  return threads.map((registers, k) => {
    const isPolling = k === threadId && polling !== null;
    const label = isPolling ? `Thread ${k + 1} · polling ${polling}` : `Thread ${k + 1}`;
    return { registers, label, cellLabel: label, polling: isPolling };
  });
}

/** Several threads: one sentence on what the columns are, in the mode's terms. */
function threadsNote(scoped: boolean): string {
  return scoped
    ? 'One register file per thread: each poll swaps the task’s scope into the thread that polls it, and back out.'
    : 'One register file per thread: a task reads the thread-locals of whichever thread polls it (unscoped: nothing moves with it).';
}

export default function RegisterFile(props: RegisterFileProps) {
  const { slots, scopes, colorOf, swaps, step, current, scoped } = props;
  const tasks = scoped ? props.tasks : [];
  const columns = threadColumns(props);
  const [showQuiet, setShowQuiet] = useState(false);
  const currentRow = useRef<HTMLTableRowElement>(null);
  const swappingNow = step?.kind === 'swap' ? step : null;
  // The slots this step says are leaked (a naive panic's, the outer check's) or restored (a scoped panic's guard).
  const marked = props.hideMarks ? undefined : step;
  const leaked = new Set(marked?.kind === 'panic' ? (marked.leaked ?? []) : marked?.kind === 'outer-check' ? marked.leaks : []);
  const restored = new Set(marked?.kind === 'panic' ? (marked.restored ?? []) : []);
  const polled = step?.task ?? null;
  // The slot being read is always on screen: nearest, so a row already visible does not move the page.
  useEffect(() => {
    if (currentRow.current) revealNearest(currentRow.current);
  }, [current, step?.index]);
  const quiet = new Set(slots.filter((slot, s) => isQuiet(props, slot, s)).map((slot) => slot.name));
  // With several threads a swap happens on the polling thread; with one, on the only one.
  const swapColumn = props.threadId ?? 0;
  return (
    <div className="register">
      {props.threadId !== null ? <p className="register-threads-note">{threadsNote(scoped)}</p> : null}
      {/* Focusable so the table can be scrolled by keyboard when it overflows (axe: scrollable-region-focusable). */}
      <div className="register-wrap" tabIndex={0} role="region" aria-label="Thread-locals table">
        <table className={props.threadId !== null ? 'register-file register-threads' : 'register-file'} aria-label="Thread-locals">
          <thead>
            <tr>
              <th scope="col" className="col-slot">
                Slot
              </th>
              {columns.map((column) => (
                <th scope="col" key={column.label} className={column.polling ? 'thread-polling' : undefined}>
                  {column.label}
                </th>
              ))}
              {scoped ? <th scope="col">This poll</th> : null}
              {tasks.map((task) => (
                <th scope="col" key={task.name} style={{ color: task.color }}>
                  {task.name}’s saved scope
                  {task.name === polled ? <span className="scope-note"> (in use)</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slots.map((slot, s) => {
              if (!showQuiet && quiet.has(slot.name)) return null;
              const now = swappingNow?.slot === slot.name ? swappingNow : null;
              const isCurrent = slot.name === current;
              const mark = leaked.has(slot.name) ? 'leaked-slot' : restored.has(slot.name) ? 'restored-slot' : '';
              const className = [now ? `swapping swap-${now.direction}` : slot.captured ? 'captured' : 'uncaptured', isCurrent ? 'current-slot' : '', mark].join(' ').trim();
              return (
                <tr key={slot.name} className={className} aria-current={isCurrent ? 'true' : undefined} ref={isCurrent ? currentRow : undefined}>
                  <th scope="row" title={slot.reason ?? 'Captured: swapped per poll into each task scope'}>
                    <span className="slot-name">
                    <input
                      type="checkbox"
                      checked={slot.captured}
                      disabled={!props.canToggle}
                      onChange={(e) => props.onToggle(slot.name, e.target.checked)}
                      aria-label={`Capture ${slot.name}`}
                    />{' '}
                    <code>
                      <Breakable text={slot.name} />
                    </code>
                    {mark === 'leaked-slot' ? (
                      <span className="slot-mark crosswire-tag">
                        {' '}
                        <span aria-hidden="true">◆ </span>leaked
                      </span>
                    ) : mark === 'restored-slot' ? (
                      <span className="slot-mark ok-tag">
                        {' '}
                        <span aria-hidden="true">✓ </span>restored
                      </span>
                    ) : null}
                    </span>
                  </th>
                  {columns.map((column, k) => {
                    const swapping = now !== null && k === swapColumn;
                    return (
                      <td key={swapping ? `${k}-${step?.index}` : `${k}-still`} data-label={column.cellLabel} className={column.polling ? 'thread-polling' : undefined}>
                        <Value value={column.registers[s]} colorOf={colorOf} animate={swapping ? `anim-${now.direction}` : undefined} anonymous={slot.name === props.ownerHidden} />
                      </td>
                    );
                  })}
                  {scoped ? (
                    <td className="swap-cell" data-label="This poll">
                      <SwapCell swap={swaps.get(slot.name)} />
                    </td>
                  ) : null}
                  {tasks.map((task, t) => (
                    <td key={task.name} className="scope-cell" data-label={`${task.name}’s saved scope`}>
                      {slot.captured && scopes[t] ? <Value value={scopes[t]?.[s]} colorOf={colorOf} /> : <span className="slot-empty">·</span>}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="register-foot">
        <RegisterLegend />
        {quiet.size > 0 ? (
          <button type="button" className="link-button" aria-pressed={showQuiet} onClick={() => setShowQuiet(!showQuiet)}>
            {showQuiet ? 'Fold the empty uncaptured slots' : `Show ${quiet.size} empty uncaptured slot${quiet.size === 1 ? '' : 's'}`}
          </button>
        ) : null}
      </div>
    </div>
  );
}
