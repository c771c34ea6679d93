// Show the ceiling in effect as JSON or as a Harn dict literal, and "Copy as Harn" (`capability_policy: {…}`).
import { useState } from 'react';
import { ceilingAsHarn, showCeilingAs } from '../../state/policyEdits.ts';
import { useCoreClient } from '../coreClient.ts';

export default function PolicySyntaxBar({ child }: { child: string }) {
  const client = useCoreClient();
  const [copied, setCopied] = useState<string | null>(null);
  const show = async (syntax: 'json' | 'harn') => setCopied(await showCeilingAs(client, child, syntax));
  const copy = async () => {
    const text = await ceilingAsHarn(client, child);
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied as Harn.');
    } catch {
      // Clipboard refused (permissions, insecure context): show the text so it can still be copied by hand.
      const kept = await showCeilingAs(client, child, 'harn');
      setCopied(kept === null ? 'The clipboard is not available here; the Harn text is in the editor above, ready to copy.' : `The clipboard is not available here. ${kept}`);
    }
  };
  return (
    <div className="policy-syntax-bar" role="group" aria-label="Policy syntax">
      <button type="button" className="small-button" onClick={() => void show('json')}>
        Show as JSON
      </button>
      <button type="button" className="small-button" onClick={() => void show('harn')}>
        Show as Harn
      </button>
      <button type="button" className="small-button" onClick={() => void copy()}>
        Copy as Harn
      </button>
      <span className="muted" aria-live="polite">
        {copied}
      </span>
    </div>
  );
}
