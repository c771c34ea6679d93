// Starts the worker-backed analysis sync for the lifetime of the app.
import { useEffect } from 'react';
import { startAnalysisSync } from '../../state/analysisSync.ts';
import { getCoreBackend } from '../../worker/client.ts';

export function useAnalysisSync(): void {
  useEffect(() => startAnalysisSync(getCoreBackend()), []);
}
