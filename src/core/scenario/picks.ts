// The words of a pick: a task name, and with several simulated threads optionally the thread that polls it,
// "alpha@2" (threads count from 1, as the screen and the CLI show them). Pure.

export interface Pick {
  task: string;
  /** 1-based thread, or null: the thread free longest (FIFO). */
  thread: number | null;
}

const THREAD_SUFFIX = /^(.*)@([1-9][0-9]*)$/;

export function parsePick(pick: string): Pick {
  const match = THREAD_SUFFIX.exec(pick);
  return match ? { task: match[1]!, thread: Number(match[2]) } : { task: pick, thread: null };
}

/** `thread` 1-based, or null for a task-only pick. */
export function pickOf(task: string, thread: number | null): string {
  return thread === null ? task : `${task}@${thread}`;
}
