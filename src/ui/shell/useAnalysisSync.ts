// Starts the worker-backed analysis sync for the lifetime of the app, once `ready` (the session has booted).
import { useEffect } from 'react';
import { startAnalysisSync } from '../../state/analysisSync.ts';
import { getCoreBackend } from '../../worker/client.ts';

export function useAnalysisSync(ready = true): void {
  useEffect(() => (ready ? startAnalysisSync(getCoreBackend()) : undefined), [ready]);
}
