// An error boundary: a component that throws while rendering shows what failed in its place instead of blanking
// the page. It keeps the sources visible (read-only), offers to render the pane again and to download the work.
// Around each pane and, as a last resort, around the whole app (`whole`).
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useStore } from '../../state/store.ts';
import { downloadScenario } from '../share/download.ts';
import { currentScenario } from '../share/session.ts';
import { noteRenderFailure } from '../share/startSession.ts';

interface Props {
  /** What the pane is, for the message ("the effects ledger"). */
  name: string;
  /** The whole app: also show every program's source, since nothing else is on screen. */
  whole?: boolean;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

function Sources() {
  const scenario = useStore((s) => s.scenario);
  const programs = [scenario.parent, ...scenario.children];
  return (
    <div className="pane-error-sources">
      {programs.map((p) => (
        <figure key={p.name}>
          <figcaption>{p.name}</figcaption>
          <pre tabIndex={0} aria-label={`Source of ${p.name} (read-only)`}>
            {p.source}
          </pre>
        </figure>
      ))}
    </div>
  );
}

export default class PaneBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report; the page says what failed.
    console.warn(`Harn Scope Lab: ${this.props.name} failed to render`, error, info.componentStack);
    noteRenderFailure();
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className={this.props.whole ? 'pane-error pane-error-whole' : 'pane-error'} role="alert">
        <p>
          <strong>
            <span aria-hidden="true">⚠ </span>
            {this.props.whole ? 'Harn Scope Lab' : `The ${this.props.name}`} failed to show this session.
          </strong>{' '}
          ({error.message || error.name}). This is a bug in Harn Scope Lab; your sources are kept.
        </p>
        <p className="pane-error-actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            {this.props.whole ? 'Try again' : 'Reset this pane'}
          </button>
          <button type="button" onClick={() => downloadScenario(currentScenario(useStore.getState()))}>
            Download my work
          </button>
        </p>
        {this.props.whole ? <Sources /> : null}
      </div>
    );
  }
}
