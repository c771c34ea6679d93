// The run mode as a radio group: scoped (the fix) | unscoped (the bug) | naive (no restore guard).
import type { RunMode } from '../../core/scenario/types.ts';
import { useStore } from '../../state/store.ts';
import RadioSwitch, { type RadioOption } from './RadioSwitch.tsx';

const MODES: readonly RadioOption<RunMode>[] = [
  { value: 'scoped', label: 'scoped', hint: 'each poll swaps the task scope in and out (the fix)' },
  { value: 'unscoped', label: 'unscoped', hint: 'all tasks share raw thread-locals (the cross-wiring bug)' },
  { value: 'naive', label: 'naive', hint: 'swaps back only when a poll returns normally (panics leak)' },
];

export default function ModeSwitch() {
  const mode = useStore((s) => s.scenario.run.mode);
  const setRunMode = useStore((s) => s.setRunMode);
  return <RadioSwitch legend="Mode" name="run-mode" options={MODES} value={mode} onChange={setRunMode} />;
}
