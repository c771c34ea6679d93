// The capability/op names and side-effect levels for the ceiling form, fetched from the worker once.
import { useEffect, useState } from 'react';
import type { PolicyVocabulary } from '../../state/backend.ts';
import { getCoreBackend } from '../../worker/client.ts';

let cached: Promise<PolicyVocabulary> | null = null;

export function usePolicyVocabulary(): PolicyVocabulary | null {
  const [vocabulary, setVocabulary] = useState<PolicyVocabulary | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= getCoreBackend().policyVocabulary();
    cached.then((v) => live && setVocabulary(v)).catch(() => live && setVocabulary({ capabilities: {}, levels: [] }));
    return () => {
      live = false;
    };
  }, []);
  return vocabulary;
}
