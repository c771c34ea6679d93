// The Monaco editor pane (lazily loaded, own chunk). Placeholder until Monaco is wired.
import SourceFallback from '../editors/SourceFallback.tsx';

export default function EditorPane() {
  return <SourceFallback />;
}
