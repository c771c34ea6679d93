// The drift panel: the seed's F3 guard on the scenario's own catalog (its messages, word for word), and on Rust
// files the user drops or picks (a folder too), scanned in the worker against the same catalog.
import { useState } from 'react';
import type { DriftReport } from '../../core/drift/guard.ts';
import type { FilesDrift } from '../../core/drift/scenario.ts';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import DriftProblems from './DriftProblems.tsx';
import { filesFromDrop, filesFromList } from './readFiles.ts';

export default function DriftPanel({ drift, verdict }: { drift: DriftReport | null; verdict: string }) {
  const client = useCoreClient();
  const [result, setResult] = useState<FilesDrift | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const scan = async (read: Promise<{ path: string; text: string }[]>) => {
    try {
      const files = await read;
      setResult(await client.scenarioDriftOfFiles(useStore.getState().scenario, files));
      setError(null);
    } catch (e) {
      setError(`The files could not be scanned: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="drift-panel" aria-label="Drift guard">
      <h3>Drift guard</h3>
      <p className="muted">This scenario’s catalog, as the seed’s drift test checks it:</p>
      {drift ? <DriftProblems report={drift} verdict={verdict} /> : <p className="muted">Checking…</p>}
      <div
        className={`drop-zone${over ? ' drop-over' : ''}`}
        data-testid="drift-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void scan(filesFromDrop(e.dataTransfer));
        }}
      >
        <p>Drop harn-vm’s Rust files or its src/ folder here, or pick them:</p>
        <label className="pick">
          .rs files
          <input type="file" multiple accept=".rs" onChange={(e) => e.target.files && void scan(filesFromList(e.target.files))} />
        </label>
        <label className="pick">
          a folder
          <input type="file" {...{ webkitdirectory: '' }} onChange={(e) => e.target.files && void scan(filesFromList(e.target.files))} />
        </label>
      </div>
      {error ? <p role="alert" className="drift-error">{error}</p> : null}
      {result ? (
        <div className="drift-files" aria-label="Scanned files" role="region" aria-live="polite">
          <p>{result.lines.scanned}</p>
          <p>{result.lines.discovered}</p>
          <ul className="drift-sites" aria-label="Ambient thread-locals found">
            {result.scan.sites.map((site) => (
              <li key={`${site.path}:${site.line}`}>
                <code>{site.name}</code> <span className="muted">{site.path}:{site.line}</span>
              </li>
            ))}
          </ul>
          <p>{result.lines.missing}</p>
          <details>
            <summary>{result.lines.staleLabel}</summary>
            <p className="muted">{result.lines.stale}</p>
          </details>
          <DriftProblems report={result.report} verdict={result.lines.verdict} />
        </div>
      ) : null}
    </section>
  );
}
