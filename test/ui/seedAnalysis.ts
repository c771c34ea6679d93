// Puts the analysis of the store's current scenario into the store, as a worker reply would (core in-process):
// the ledger tests render against it.
import { analysisView, analyzeScenario } from '../../src/core/index.ts';
import { analysisInput } from '../../src/state/sync/analysis.ts';
import { useStore } from '../../src/state/store.ts';

export function seedAnalysis(): void {
  const id = useStore.getState().beginAnalysis();
  const input = analysisInput(useStore.getState());
  useStore.getState().receiveAnalysis(id, { kind: 'full', version: id, view: analysisView(input, analyzeScenario(input)) });
}
