// A scenario's goal on the page: a challenge (play the scheduler: the goal, the moves so far, Undo, a win banner
// with the schedule, the explorer's answer behind "Show a solution") or an exercise (the teacher's note and a live
// "✔ goal met" / "✖ not yet"). Every sentence comes from core through the worker; a win of a campaign challenge is
// kept in local storage for the gallery.
import { useEffect, useState } from 'react';
import type { GoalSolution } from '../../core/goals/index.ts';
import type { Schedule } from '../../core/scenario/types.ts';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { currentScenario, openOver } from '../share/session.ts';
import { browserSessionEnv } from '../share/startSession.ts';
import { recordWin } from './progress.ts';
import { useGoalStatus } from './useGoal.ts';
import './goals.css';

/** The trace index to stand on so that the chooser offers choice `k` (0-based) again: the event before it. */
function beforeChoice(steps: readonly { kind: string; event?: boolean; choice?: unknown }[], k: number): number {
  let seen = -1;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.kind === 'poll-enter' && step.choice && ++seen === k) {
      for (let j = i - 1; j >= 0; j--) if (steps[j]!.event) return j;
      return 0;
    }
  }
  return 0;
}

const picksOf = (schedule: Schedule): string[] => (schedule.kind === 'picks' ? schedule.picks : []);

export default function GoalPanel() {
  const client = useCoreClient();
  const goal = useStore((s) => s.scenario.goal);
  const schedule = useStore((s) => s.scenario.run.schedule);
  const { status, pending, failed, text } = useGoalStatus(client);
  const [solution, setSolution] = useState<{ goal: unknown; value: GoalSolution | null; open: boolean } | null>(null);
  const verdict = status?.verdict ?? null;
  const met = verdict?.status === 'met';
  const shown = solution !== null && solution.goal === goal;
  // A win of a campaign challenge goes into the gallery's progress (with the solution shown first: "helped").
  useEffect(() => {
    if (met && status?.challenge && goal?.verb === 'find') recordWin(status.challenge, shown ? 'helped' : 'won');
  }, [met, status?.challenge, goal?.verb, shown]);
  if (!goal) return null;
  const find = goal.verb === 'find';
  const picks = picksOf(schedule);
  const actions = useStore.getState();
  const undo = () => {
    const simulation = useStore.getState().simulation;
    const at = simulation ? beforeChoice(simulation.steps, picks.length - 1) : 0;
    const rest = picks.slice(0, -1);
    actions.setSchedule(rest.length > 0 ? { kind: 'picks', picks: rest } : { kind: 'fifo' });
    actions.restoreStep(at);
  };
  const startOver = () => {
    actions.setSchedule({ kind: 'fifo' });
    actions.restoreStep(0);
  };
  const showSolution = () => {
    if (shown) return setSolution({ ...solution, open: !solution.open });
    setSolution({ goal, value: null, open: true });
    const scenario = useStore.getState().scenario;
    client.goalSolution(scenario).then(
      (value) => setSolution((s) => (s && s.goal === goal ? { ...s, value } : s)),
      () => setSolution((s) => (s && s.goal === goal ? { ...s, value: { kind: 'goal-solution', picks: null, scenario: null, verdict: null, schedules: 0, complete: false, message: 'The search failed (a bug in the core); no solution is known.' } } : s)),
    );
  };
  const play = (p: string[]) => {
    actions.setSchedule({ kind: 'picks', picks: p });
    actions.restoreStep(0);
  };
  const next = status?.next ?? null;
  const badgeClass = pending ? 'goal-badge goal-pending' : met ? 'goal-badge goal-met' : verdict?.status === 'unknown' || failed ? 'goal-badge goal-unknown' : 'goal-badge goal-not-met';
  return (
    <section className="goal-panel" aria-labelledby="goal-title">
      <p className="goal-kind">{text?.kind ?? '\u00a0'}</p>
      <h3 className="goal-title" id="goal-title">
        {goal.title || verdict?.goal || 'Goal'}
      </h3>
      {goal.note ? <p className="goal-note">{goal.note}</p> : null}
      {verdict ? (
        <p className="goal-sentence">
          <strong>Goal:</strong> {verdict.goal} {verdict.allowed}
        </p>
      ) : null}
      <p className={badgeClass} role="status" aria-live="polite">
        {pending ? 'Checking the goal…' : failed ? '? The goal could not be checked (a bug in the core).' : verdict ? verdict.badge : ''}
      </p>
      {verdict && !met && !pending ? <p className="goal-why">{verdict.message}</p> : null}
      {find ? (
        <div className="goal-moves">
          <p>
            <strong>Your moves:</strong>{' '}
            {picks.length === 0 ? (text?.noMoves ?? '') : <span className="goal-picks">{picks.join(' → ')}</span>}
          </p>
          <div className="goal-actions">
            <button type="button" onClick={undo} disabled={picks.length === 0}>
              Undo
            </button>
            <button type="button" onClick={startOver} disabled={picks.length === 0}>
              Start over
            </button>
            <button type="button" aria-expanded={shown && solution.open} aria-controls="goal-solution" onClick={showSolution}>
              Show a solution
            </button>
          </div>
        </div>
      ) : null}
      {status?.text.won && !pending ? (
        <div className="goal-win" role="status">
          <p>
            <strong>{status.text.won.headline}</strong> {status.text.won.schedule}
          </p>
          <p className="goal-why">{status.verdict.message}</p>
          {next && status.text.next && 'label' in status.text.next ? (
            <button type="button" onClick={() => openOver(next.scenario, currentScenario(useStore.getState()), 'example', useStore, browserSessionEnv())}>
              {status.text.next.label}
            </button>
          ) : status.text.next && 'end' in status.text.next ? (
            <p>{status.text.next.end}</p>
          ) : null}
        </div>
      ) : null}
      {shown && solution.open ? (
        <div className="goal-solution" id="goal-solution">
          {solution.value === null ? (
            <p>Searching the schedules…</p>
          ) : (
            <>
              <p>{solution.value.message}</p>
              {solution.value.picks ? (
                <button type="button" onClick={() => play(solution.value!.picks!)}>
                  Play this schedule
                </button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
