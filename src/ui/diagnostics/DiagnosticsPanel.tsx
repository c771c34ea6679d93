// Lists every program's diagnostics (parse errors, HARN-CAP-301 violations, lints); clicking one reveals and
// selects its range in the editor. Severity is always shown by icon and word, never colour alone.
import { useMemo } from 'react';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { ScenarioAnalysis } from '../../state/analysisTypes.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { useStore } from '../../state/store.ts';
import { offsetPosition } from '../format.ts';
import { SEVERITY_ICON } from './severity.ts';

interface Row {
  program: string;
  source: string;
  diagnostic: Diagnostic;
}

function diagnosticRows(analysis: ScenarioAnalysis | null, scenario: Scenario): Row[] {
  if (!analysis) return [];
  const sources = new Map([[scenario.parent.name, scenario.parent.source], ...scenario.children.map((c) => [c.name, c.source] as const)]);
  const rows: Row[] = [];
  for (const program of [analysis.parent, ...analysis.children]) {
    const source = sources.get(program.name);
    if (source === undefined) continue;
    for (const diagnostic of program.diagnostics) rows.push({ program: program.name, source, diagnostic });
  }
  return rows;
}

export default function DiagnosticsPanel() {
  const analysis = useStore((s) => s.analysis);
  const scenario = useStore((s) => s.scenario);
  const rows = useMemo(() => diagnosticRows(analysis, scenario), [analysis, scenario]);
  const hasAnalysis = analysis !== null;
  const error = useStore((s) => s.analysisError);
  const reveal = useStore((s) => s.reveal);
  const errors = rows.filter((r) => r.diagnostic.severity === 'error').length;
  return (
    <section className="diagnostics-panel" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">
        Diagnostics <span className="count">{hasAnalysis ? `${errors} error${errors === 1 ? '' : 's'}, ${rows.length - errors} other` : ''}</span>
      </h2>
      {error ? (
        <p role="alert" className="worker-error">
          ✖ The analysis failed (a bug in core): {error}
        </p>
      ) : null}
      {!hasAnalysis ? <p className="muted">Analyzing…</p> : rows.length === 0 ? <p className="muted">✔ No diagnostics.</p> : null}
      <ul className="diagnostics-list">
        {rows.map((row, i) => {
          const { line, column } = offsetPosition(row.source, row.diagnostic.span.start);
          return (
            <li key={`${row.program}-${i}`} className={`diagnostic severity-${row.diagnostic.severity}`}>
              <button type="button" onClick={() => reveal(row.program, row.diagnostic.span)}>
                <span className="severity" aria-hidden="true">{SEVERITY_ICON[row.diagnostic.severity]}</span>
                <span className="visually-hidden">{row.diagnostic.severity}</span>
                <span className="code">{row.diagnostic.code}</span>
                <span className="message">{row.diagnostic.message}</span>
                <span className="where">
                  {row.program} {line}:{column}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
