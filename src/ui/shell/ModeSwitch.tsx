// The run mode as a radio group: scoped (the fix) | unscoped (the bug) | naive (no restore guard).
import type { RunMode } from '../../core/scenario/types.ts';
import { useStore } from '../../state/store.ts';

const MODES: { mode: RunMode; hint: string }[] = [
  { mode: 'scoped', hint: 'each poll swaps the task scope in and out (the fix)' },
  { mode: 'unscoped', hint: 'all tasks share raw thread-locals (the cross-wiring bug)' },
  { mode: 'naive', hint: 'swaps back only when a poll returns normally (panics leak)' },
];

export default function ModeSwitch() {
  const mode = useStore((s) => s.scenario.run.mode);
  const setRunMode = useStore((s) => s.setRunMode);
  return (
    <fieldset className="mode-switch">
      <legend>Mode</legend>
      {MODES.map((m) => (
        <label key={m.mode} title={m.hint} className={m.mode === mode ? 'selected' : undefined}>
          <input type="radio" name="run-mode" value={m.mode} checked={m.mode === mode} onChange={() => setRunMode(m.mode)} />
          {m.mode}
        </label>
      ))}
    </fieldset>
  );
}
