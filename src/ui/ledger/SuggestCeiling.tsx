// "Tighten to what it uses": the tightest ceiling keeping what the child is granted today (the ceiling
// `harn-scope suggest --tighten` prints), shown with what it changes before it is applied.
import { useCallback } from 'react';
import type { ScenarioAnalysisInput } from '../../state/analysisTypes.ts';
import { applyCeiling } from '../../state/policyApply.ts';
import { useCoreClient } from '../coreClient.ts';
import ProposalPanel from './ProposalPanel.tsx';
import { useProposal } from './useProposal.ts';

export default function SuggestCeiling({ child }: { child: string }) {
  const client = useCoreClient();
  const ask = useCallback((input: ScenarioAnalysisInput) => client.proposeCeiling(input, child), [client, child]);
  const proposal = useProposal(ask);
  const { result, basis } = proposal;
  return (
    <div className="suggest">
      <div className="suggest-bar">
        <button type="button" className="small-button" aria-expanded={proposal.open} onClick={proposal.open ? proposal.close : proposal.show}>
          Tighten to what it uses
        </button>
        <span className="muted">the least ceiling keeping what {child} is granted now</span>
      </div>
      {!proposal.open ? null : proposal.error ? (
        <p className="field-warning" role="status">{proposal.error}</p>
      ) : result === null ? (
        <p className="muted">Computing…</p>
      ) : !result.ok ? (
        <p className="field-warning" role="status">{result.problem}</p>
      ) : (
        <ProposalPanel
          proposal={result.proposal}
          current={proposal.current}
          onCancel={proposal.close}
          onApply={() => {
            if (basis && result.proposal.ceiling && applyCeiling(child, result.proposal.ceiling, basis, `Applied the suggested ${result.proposal.label}.`) === null) proposal.close();
          }}
        />
      )}
    </div>
  );
}
