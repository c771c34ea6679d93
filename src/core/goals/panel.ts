// The goal panel's words (issue 28): what the page says around a goal's verdict — the kind of goal, the moves so far,
// the win with its schedule, the end of the campaign — written here so the page and its tests say what core says.
// Pure; depends on the scenario's types and ./types.ts.
import type { Scenario } from '../scenario/types.ts';
import type { GoalVerdict } from './types.ts';

/** The sentences of a goal's panel for one verdict. */
export interface GoalPanelText {
  /** `Challenge: play the scheduler` (a "find" goal) or `Exercise`. */
  kind: string;
  /** The moves so far with none made: `none yet (every choice point takes the default order). …`. */
  noMoves: string;
  /** A challenge won: `✔ You won.` and `Your schedule: alpha → beta, then the default order.`; null otherwise. */
  won: { headline: string; schedule: string } | null;
  /** The next challenge's button (`Next challenge: …`), or the campaign's end; null for a goal outside it. */
  next: { label: string } | { end: string } | null;
}

/** The panel's words for `scenario`'s goal with `verdict`; `challenge` says whether it is one of the campaign and
 * `next` names the challenge after it (null at the end). */
export function goalPanelText(scenario: Scenario, verdict: GoalVerdict, challenge: boolean, next: { title: string } | null): GoalPanelText {
  const find = scenario.goal?.verb === 'find';
  const { schedule } = scenario.run;
  const picks = schedule.kind === 'picks' ? schedule.picks : [];
  const won = find && verdict.status === 'met';
  return {
    kind: find ? 'Challenge: play the scheduler' : 'Exercise',
    noMoves: 'none yet (every choice point takes the default order). Step to a choice point and pick who runs next.',
    won: won ? { headline: '✔ You won.', schedule: `Your schedule: ${picks.length === 0 ? 'the default order' : `${picks.join(' → ')}, then the default order`}.` } : null,
    next: !won ? null : next ? { label: `Next challenge: ${next.title}` } : challenge ? { end: 'That was the last challenge of the campaign.' } : null,
  };
}
