// Policy lints (L401–L404) for one program: unknown levels or names, empty ceilings, unused grant records.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store.ts';
import { selectProgramAnalysis } from '../../state/selectors.ts';

export default function LintList({ program }: { program: string }) {
  const lints = useStore(useShallow((s) => selectProgramAnalysis(program)(s)?.lints ?? []));
  return (
    <section className="lints" aria-labelledby="lints-heading">
      <h3 id="lints-heading">
        Lints <span className="count">({lints.length})</span>
      </h3>
      {lints.length === 0 ? (
        <p className="muted">No policy lints.</p>
      ) : (
        <ul>
          {lints.map((lint, i) => (
            <li key={i} className="lint">
              <span aria-hidden="true">⚠ </span>
              <span className="code">{lint.code}</span> {lint.message}
              {lint.path ? (
                <>
                  {' '}
                  (<code>{`${lint.target} ${lint.path}`}</code>)
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
