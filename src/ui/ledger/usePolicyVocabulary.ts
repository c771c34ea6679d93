// The capability/op names and side-effect levels for the ceiling form, fetched from the worker once.
import { useEffect, useState } from 'react';
import { useCoreClient, type CoreClient } from '../coreClient.ts';

/** Capability → ops a ceiling can usefully name, and the known side-effect levels from lowest to highest. */
export type PolicyVocabulary = Awaited<ReturnType<CoreClient['policyVocabulary']>>;

let cached: Promise<PolicyVocabulary> | null = null;

export function usePolicyVocabulary(): PolicyVocabulary | null {
  const client = useCoreClient();
  const [vocabulary, setVocabulary] = useState<PolicyVocabulary | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= client.policyVocabulary();
    cached.then((v) => live && setVocabulary(v)).catch(() => live && setVocabulary({ capabilities: {}, levels: [] }));
    return () => {
      live = false;
    };
  }, [client]);
  return vocabulary;
}
