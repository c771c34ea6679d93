// "Grant what the children need": the smallest grant covering every effect the children are granted today (the
// grant `harn-scope suggest --tighten` prints), per exact resource or per kind, shown with what it changes first.
import { useCallback, useId, useState } from 'react';
import type { Granularity } from '../../core/authoring/index.ts';
import type { ScenarioAnalysisInput } from '../../state/analysisTypes.ts';
import { applyGrant } from '../../state/policyApply.ts';
import { useCoreClient } from '../coreClient.ts';
import { ProposalBody } from './ProposalPanel.tsx';
import { useProposal } from './useProposal.ts';

export default function SuggestGrant() {
  const client = useCoreClient();
  const [granularity, setGranularity] = useState<Granularity>('exact');
  const ask = useCallback((input: ScenarioAnalysisInput) => client.proposeGrant(input, granularity), [client, granularity]);
  const proposal = useProposal(ask);
  const id = useId();
  return (
    <div className="suggest">
      <div className="suggest-bar">
        <button type="button" className="small-button" aria-expanded={proposal.open} onClick={proposal.open ? proposal.close : proposal.show}>
          Grant what the children need
        </button>
        <label htmlFor={id} className="muted">
          records
        </label>
        <select id={id} value={granularity} onChange={(e) => setGranularity(e.target.value as Granularity)}>
          <option value="exact">per resource (exact)</option>
          <option value="kind">per kind (any resource)</option>
        </select>
      </div>
      <ProposalBody
        state={proposal}
        apply={(suggested, basis) => {
          if (suggested.grant && applyGrant(suggested.grant, basis, 'Applied the suggested parent grant.') === null) proposal.close();
        }}
      />
    </div>
  );
}
