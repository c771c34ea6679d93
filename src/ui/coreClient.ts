// The core worker client as components reach it: the one comlink client (src/worker/client.ts), or the fake a test
// provides through CoreClientContext so a component renders alone. Created on first use (never at import: jsdom has
// no Worker).
import { createContext, useContext } from 'react';
import { getCoreClient, type CoreClient } from '../worker/client.ts';

export type { CoreClient };

/** null = the real worker. */
export const CoreClientContext = createContext<CoreClient | null>(null);

/** The worker client: a test's fake when one is provided, else the real one. */
export function useCoreClient(): CoreClient {
  return useContext(CoreClientContext) ?? getCoreClient();
}
