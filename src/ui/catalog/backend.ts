// What the Catalog view needs from the core worker, as an interface so component tests pass a fake (core called
// in-process); the real one is the comlink client, created on first call (never at render: jsdom has no Worker).
import { createContext, useContext } from 'react';
import type { CatalogView, FilesDrift } from '../../core/drift/scenario.ts';
import type { DriftSourceFile } from '../../core/drift/scan.ts';
import type { Scenario, ScenarioResult } from '../../core/scenario/types.ts';
import { getCoreClient } from '../../worker/client.ts';

export interface CatalogBackend {
  scenarioCatalogView(scenario: Scenario): Promise<CatalogView>;
  scenarioDriftOfFiles(scenario: Scenario, files: readonly DriftSourceFile[]): Promise<FilesDrift>;
  /** Validates a candidate scenario (an added slot) with the scenario schema's field-naming errors. */
  loadScenario(input: unknown): Promise<ScenarioResult>;
}

let real: CatalogBackend | null = null;

export function realCatalogBackend(): CatalogBackend {
  real ??= {
    scenarioCatalogView: (scenario) => getCoreClient().scenarioCatalogView(scenario),
    scenarioDriftOfFiles: (scenario, files) => getCoreClient().scenarioDriftOfFiles(scenario, files),
    loadScenario: (input) => getCoreClient().loadScenario(input),
  };
  return real;
}

/** null = the real worker. */
export const CatalogBackendContext = createContext<CatalogBackend | null>(null);

export function useCatalogBackend(): CatalogBackend {
  return useContext(CatalogBackendContext) ?? realCatalogBackend();
}
