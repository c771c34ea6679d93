// The guard's verdict: clean, or each failed check with the seed's assert message. A stale list of a partial
// drop (every catalog entry the files do not declare) would bury the rest, so its message folds away.
import type { DriftReport } from '../../core/drift/guard.ts';

export default function DriftProblems({ report, verdict }: { report: DriftReport; verdict: string }) {
  if (report.clean)
    return (
      <p className="drift-clean">
        <span aria-hidden="true">✓ </span>
        {verdict}
      </p>
    );
  return (
    <div>
      <p className="drift-verdict">
        <span aria-hidden="true">⚠ </span>
        {verdict}
      </p>
      <ul className="drift-problems" aria-label="Drift problems">
        {report.problems.map((p, i) => (
          <li key={i}>
            {p.check === 'stale' && report.stale.length > 3 ? (
              <details>
                <summary>
                  <strong>{p.check}</strong>
                </summary>
                {p.message}
              </details>
            ) : (
              <>
                <strong>{p.check}</strong>: {p.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
