// The goal of the scenario on screen, decided by the worker: requested whenever the programs, run settings, slots or
// goal change (latest wins), and returned only for the inputs it was computed from, so a verdict of an earlier input
// never stays on screen (null while the check is pending).
import { useEffect, useMemo, useState } from 'react';
import type { GoalPanelText, GoalStatus } from '../../core/goals/index.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { useStore } from '../../state/store.ts';
import type { CoreClient } from '../../worker/client.ts';

/** What a goal's verdict depends on (compared by reference: the store replaces a field whole when it changes). */
function inputsOf(s: Scenario): unknown[] {
  return [s.parent, s.children, s.run, s.slots, s.goal];
}

/** The verdict for the inputs on screen (null while pending), and the panel's words: the latest verdict's for the same
 * goal, kept while the next one is checked so the panel does not flicker. */
export function useGoalStatus(client: Pick<CoreClient, 'goalStatus'>): { status: GoalStatus | null; pending: boolean; failed: boolean; text: GoalPanelText | null } {
  const scenario = useStore((s) => s.scenario);
  const inputs = useMemo(() => inputsOf(scenario), [scenario.parent, scenario.children, scenario.run, scenario.slots, scenario.goal]); // eslint-disable-line react-hooks/exhaustive-deps
  const [held, setHeld] = useState<{ inputs: unknown[]; goal: Scenario['goal']; status: GoalStatus | null; failed: boolean } | null>(null);
  useEffect(() => {
    if (!scenario.goal) return;
    let live = true;
    client.goalStatus(scenario).then(
      (status) => live && setHeld({ inputs, goal: scenario.goal, status, failed: false }),
      () => live && setHeld({ inputs, goal: scenario.goal, status: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [inputs]); // eslint-disable-line react-hooks/exhaustive-deps
  const current = held !== null && held.inputs === inputs;
  const text = held !== null && held.goal === scenario.goal ? (held.status?.text ?? null) : null;
  return { status: current ? held.status : null, pending: !current, failed: current && held.failed, text };
}
