// Saving does not work (storage blocked or full): said where it is seen, with the way to keep the work.
import { useStore } from '../../state/store.ts';
import { downloadScenario } from './download.ts';
import { currentScenario } from './session.ts';
import { storageProblemMessage } from './storage.ts';

export default function StorageStatus() {
  const problem = useStore((s) => s.storageProblem);
  if (!problem) return null;
  return (
    <div className="session-banner banner-storage" role="status">
      <p>
        <span aria-hidden="true">⚠ </span>
        {storageProblemMessage(problem)}
      </p>
      <button type="button" onClick={() => downloadScenario(currentScenario(useStore.getState()))}>
        Download my work
      </button>
    </div>
  );
}
