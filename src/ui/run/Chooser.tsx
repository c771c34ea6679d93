// The chooser: at a choice point (several tasks ready), the user clicks which one is polled next. The choice is
// appended to a `picks` schedule (earlier choices kept) and the scenario re-simulates.
export interface ChooserProps {
  /** The ready tasks at the next choice point, and the one the current schedule polls. */
  ready: readonly string[];
  chosen: string | null;
  colorOf: (task: string) => string;
  onChoose: (task: string) => void;
}

export default function Chooser({ ready, chosen, colorOf, onChoose }: ChooserProps) {
  return (
    <div className="chooser" role="group" aria-label="Choose the next task">
      <span className="chooser-label">Several tasks are ready. Poll next:</span>
      {ready.map((task) => (
        <button
          key={task}
          type="button"
          className={task === chosen ? 'chooser-task chosen' : 'chooser-task'}
          aria-pressed={task === chosen}
          style={{ '--owner-color': colorOf(task) } as React.CSSProperties}
          onClick={() => onChoose(task)}
        >
          {task}
        </button>
      ))}
    </div>
  );
}
