// The source of the task the current step belongs to, read-only, with the step's line marked (the embed and the
// phone's Lesson layout show it instead of the editor).
import { useStore } from '../../state/store.ts';

export default function RunningCode() {
  const step = useStore((s) => s.simulation?.steps[s.stepIndex]);
  const scenario = useStore((s) => s.scenario);
  const task = step?.task ?? scenario.parent.name;
  const source = task === scenario.parent.name ? scenario.parent.source : (scenario.children.find((c) => c.name === task)?.source ?? '');
  const span = step?.span ?? null;
  const currentLine = span === null ? -1 : source.slice(0, span.start).split('\n').length - 1;
  return (
    <figure className="running-code">
      <figcaption>
        Code of <strong>{task}</strong>
        {currentLine >= 0 ? `, line ${currentLine + 1}` : ''}
      </figcaption>
      <pre tabIndex={0} aria-label={`Code of ${task} at this step (read-only)`}>
        {source.split('\n').map((line, i) => (
          <span key={i} className={i === currentLine ? 'code-line code-line-current' : 'code-line'} aria-current={i === currentLine ? 'true' : undefined}>
            <span className="code-gutter" aria-hidden="true">
              {i === currentLine ? '▶' : ' '}
            </span>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}
