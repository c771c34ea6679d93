// "Tighten to what it uses": the tightest ceiling keeping what the child is granted today (the ceiling
// `harn-scope suggest --tighten` prints), shown with what it changes before it is applied.
import { useCallback } from 'react';
import type { ScenarioAnalysisInput } from '../../state/analysisTypes.ts';
import { applyCeiling } from '../../state/policyApply.ts';
import { useCoreClient } from '../coreClient.ts';
import { ProposalBody } from './ProposalPanel.tsx';
import { useProposal } from './useProposal.ts';

export default function SuggestCeiling({ child }: { child: string }) {
  const client = useCoreClient();
  const ask = useCallback((input: ScenarioAnalysisInput) => client.proposeCeiling(input, child), [client, child]);
  const proposal = useProposal(ask);
  return (
    <div className="suggest">
      <div className="suggest-bar">
        <button type="button" className="small-button" aria-expanded={proposal.open} onClick={proposal.open ? proposal.close : proposal.show}>
          Tighten to what it uses
        </button>
        <span className="muted">the least ceiling keeping what {child} is granted now</span>
      </div>
      <ProposalBody
        state={proposal}
        apply={(suggested, basis) => {
          if (suggested.ceiling && applyCeiling(child, suggested.ceiling, basis, `Applied the suggested ${suggested.label}.`) === null) proposal.close();
        }}
      />
    </div>
  );
}
