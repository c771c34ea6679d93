// Asks the worker for a suggested policy and keeps it current: while it is shown, any edit of the programs or
// policies asks again (latest wins), so what is shown and applied is always computed from the scenario as it is.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProposalResult } from '../../core/authoring/index.ts';
import type { ScenarioAnalysisInput } from '../../state/analysisTypes.ts';
import { isCurrentBasis, policyRequest, type PolicyBasis } from '../../state/policyApply.ts';
import { useStore } from '../../state/store.ts';

export interface ProposalState {
  open: boolean;
  result: ProposalResult | null;
  basis: PolicyBasis | null;
  /** True when the shown result was computed from the scenario as it is now. */
  current: boolean;
  error: string | null;
  show: () => void;
  close: () => void;
}

export function useProposal(ask: (input: ScenarioAnalysisInput) => Promise<ProposalResult>): ProposalState {
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<{ result: ProposalResult; basis: PolicyBasis } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const parent = useStore((s) => s.scenario.parent);
  const children = useStore((s) => s.scenario.children);
  const fetch = useCallback(() => {
    const id = ++latest.current;
    const { input, basis } = policyRequest();
    ask(input).then(
      (result) => {
        if (id !== latest.current) return;
        setAnswer({ result, basis });
        setError(null);
      },
      (failure: unknown) => {
        if (id === latest.current) setError(`The suggestion could not be computed: ${failure instanceof Error ? failure.message : String(failure)}`);
      },
    );
  }, [ask]);
  useEffect(() => {
    if (open) fetch();
  }, [open, parent, children, fetch]);
  const close = useCallback(() => {
    latest.current++;
    setOpen(false);
    setAnswer(null);
    setError(null);
  }, []);
  return {
    open,
    result: answer?.result ?? null,
    basis: answer?.basis ?? null,
    current: answer !== null && answer.basis.parent === parent && answer.basis.children === children && isCurrentBasis(answer.basis),
    error,
    show: () => setOpen(true),
    close,
  };
}
