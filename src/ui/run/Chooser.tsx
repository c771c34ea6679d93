// The chooser: at a choice point the user clicks which ready task is polled next, and with several threads on which
// thread (every thread is free at a choice point: polls are atomic). The choice is appended to a `picks` schedule
// (earlier choices kept, each with its thread: "alpha@2") and the scenario re-simulates.
export interface ChooserProps {
  /** The ready tasks at the next choice point, and the one the current schedule polls. */
  ready: readonly string[];
  chosen: string | null;
  /** Several threads: the 1-based thread the current schedule polls `chosen` on; null with one thread. */
  chosenThread?: number | null;
  /** Simulated threads of the run (1: pick a task only). */
  threads?: number;
  colorOf: (task: string) => string;
  /** `thread` is 1-based, or null with one thread. */
  onChoose: (task: string, thread: number | null) => void;
  /** The trace on screen is not yet the current scenario's (a choice was just made): its choice points may not be
   * the next trace's, so nothing can be chosen until it comes. */
  stale?: boolean;
}

function TaskButton({ task, pressed, colorOf, onClick, disabled }: { task: string; pressed: boolean; colorOf: ChooserProps['colorOf']; onClick: () => void; disabled: boolean }) {
  return (
    <button type="button" disabled={disabled} className={pressed ? 'chooser-task chosen' : 'chooser-task'} aria-pressed={pressed} style={{ '--owner-color': colorOf(task) } as React.CSSProperties} onClick={onClick}>
      {task}
    </button>
  );
}

export default function Chooser({ ready, chosen, chosenThread = null, threads = 1, colorOf, onChoose, stale = false }: ChooserProps) {
  if (threads <= 1)
    return (
      <div className="chooser" role="group" aria-label="Choose the next task">
        <span className="chooser-label">Several tasks are ready. Poll next:</span>
        {ready.map((task) => (
          <TaskButton key={task} task={task} pressed={task === chosen} colorOf={colorOf} onClick={() => onChoose(task, null)} disabled={stale} />
        ))}
      </div>
    );
  const numbers = Array.from({ length: threads }, (_, k) => k + 1);
  const who = ready.length === 1 ? `${ready[0]} is ready` : 'Several tasks are ready';
  return (
    <div className="chooser chooser-threads" role="group" aria-label="Choose the next task and thread">
      <span className="chooser-label">
        {who} and all {threads} threads are free. Poll next:
      </span>
      {ready.map((task) => (
        <span key={task} className="chooser-option" style={{ '--owner-color': colorOf(task) } as React.CSSProperties}>
          <span className="chooser-option-task">{task}</span> on thread
          {numbers.map((n) => {
            const pressed = task === chosen && n === chosenThread;
            return (
              <button key={n} type="button" disabled={stale} className={pressed ? 'chooser-thread chosen' : 'chooser-thread'} aria-pressed={pressed} aria-label={`${task} on thread ${n}`} onClick={() => onChoose(task, n)}>
                {n}
              </button>
            );
          })}
        </span>
      ))}
    </div>
  );
}
