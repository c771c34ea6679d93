// Shown until Monaco has loaded: the selected program's source, read-only, so it is visible at once.
import { useStore } from '../../state/store.ts';
import { selectSource } from '../../state/selectors.ts';

export default function SourceFallback() {
  const tab = useStore((s) => s.selectedTab);
  const source = useStore(selectSource(tab));
  return (
    <div className="source-fallback" id="program-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
      <p className="loading-note">Loading the editor… (read-only until it is ready)</p>
      <pre aria-label={`Source of ${tab} (read-only)`} tabIndex={0}>
        {source}
      </pre>
    </div>
  );
}
