// The threads of the simulated runtime, beside the mode: 1 (a LocalSet, where the children interleave on one thread)
// up to 4 (a work-stealing runtime, where a free thread polls any ready task, so a task may resume on another
// thread than the one it awaited on). Stored as `run.threads`, so it is part of the link (1 leaves the link as it was).
import { useStore } from '../../state/store.ts';
import { THREAD_COUNTS } from '../../state/threads.ts';
import RadioSwitch, { type RadioOption } from './RadioSwitch.tsx';

const OPTIONS: readonly RadioOption<string>[] = THREAD_COUNTS.map((n) => ({
  value: String(n),
  label: String(n),
  hint:
    n === 1
      ? '1 thread: the children interleave on one thread (a LocalSet)'
      : `${n} threads: work stealing, a free thread polls any ready task, so a task may resume on another thread`,
}));

export default function ThreadsSwitch() {
  const threads = useStore((s) => s.scenario.run.threads ?? 1);
  const setThreads = useStore((s) => s.setThreads);
  return <RadioSwitch legend="Threads" name="run-threads" options={OPTIONS} value={String(threads)} onChange={(value) => setThreads(Number(value))} className="threads-switch" />;
}
