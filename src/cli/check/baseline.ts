// The no-new-access gate of `check --baseline REF`: every policy of the input (the parent grant, each child's
// ceiling) compared as a policy with the same policy in REF (a config, scenario or link as it was); each effect
// (class) it now allows that the baseline did not is a P601 error naming it. Newly denied effects are fine.
import { comparePolicySets, policySetOf, type Scenario } from '../../core/index.ts';
import { policyLine } from './fixes.ts';
import type { PlacedFinding } from './results.ts';
import type { CheckInput } from './inputs.ts';

/** The P601 findings of `input` against `baseline` (both read by `readCheckInput`); placed in the file that holds
 * each policy (at the line where the policy is written: the policy as a whole is what changed). */
export function baselineFindings(input: CheckInput, baseline: CheckInput): PlacedFinding[] {
  if (input.scenario === null || baseline.scenario === null) return [];
  const set = (s: Scenario) => policySetOf({ parent: s.parent, children: s.children });
  const out: PlacedFinding[] = [];
  for (const change of comparePolicySets(set(baseline.scenario), set(input.scenario))) {
    const where = change.target === 'grant' ? input.policyFiles?.grant : input.policyFiles?.ceilings[change.target.child];
    const file = where?.file ?? (change.target === 'grant' ? input.parentFile : input.input);
    const line = where ? policyLine(where, change.target) : 1;
    const subject = change.only === 'after' ? `${change.label} (a child not in the baseline ${baseline.input})` : change.label;
    for (const allowed of change.newlyAllowed) {
      out.push({
        code: 'P601',
        severity: 'error',
        message: `${subject} now allows ${allowed.summary}, which the baseline ${baseline.input} did not`,
        file,
        line,
        column: 1,
        notes: [],
      });
    }
  }
  return out;
}
