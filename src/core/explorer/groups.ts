// The explorer's failures grouped by what goes wrong: one group per cross-wired slot (and one for leaks), each
// with how many of the reported schedules show it, the consequence in the simplest of them, and that schedule to
// replay. The slot the scenario's own run cross-wires first (the lesson's slot) leads. With several threads a
// cross-wire group also counts the schedules where the slot cross-wires after a migration. Pure; depends on ./describe
// and the scheduler's counts (one wording for who keeps a leak).
import { groupCauseOf } from './verdict.ts';
import type { ExploreCrosswire, ExploreFailure } from './describe.ts';
import { outerKeeps } from '../scheduler/counts.ts';

/** One kind of failure. */
export interface FailureGroup {
  kind: 'crosswire' | 'leak';
  /** The cross-wired slot, or the leaked slots joined by ", ". */
  slot: string;
  /** What goes wrong, in words: "a task's files land in another task's worktree". */
  title: string;
  /** The consequence in the simplest schedule that shows it. */
  consequence: string;
  /** Reported failing schedules that show it (a schedule can show several kinds). */
  count: number;
  /** Several threads, cross-wires only: of `count`, the schedules where the slot cross-wires after a migration
   * (the reading task had run on another thread, where its own values stayed). */
  afterMigration?: number;
  /** Index into the result's `failures` of the simplest one. */
  simplest: number;
  /** Several threads, cross-wires only: `afterMigration` in words (verdict.ts `groupCauseOf`: "each after a
   * migration", "from a sibling", "3 after a migration"); null otherwise. */
  cause: string | null;
}

const TITLES: Record<string, string> = {
  VM_EXECUTION_CONTEXT: "a task's files land in another task's worktree",
  EXECUTION_POLICY_STACK: "a call is checked against another task's policy",
  CURRENT_MUTATION_SESSION: "a write is audited under another task's session",
  TRUSTED_BRIDGE_CALL_DEPTH: "a bridge call runs at another task's trusted-bridge depth",
  LLM_RENDER_STACK: "a model response is rendered with another task's frame",
  RUNTIME_CONTEXT_OVERLAY_STACK: "a task pops another task's runtime-context frame",
  EXECUTION_APPROVAL_POLICY_STACK: "a task pops another task's approval policy",
};

const MOVED_TITLE = "a task that moved to another thread reads that thread's value, not its own";

function titleOf(slot: string): string {
  return TITLES[slot] ?? `a task reads another task's ${slot}`;
}

/** Groups `failures` (simplest first) by kind; `leadSlot` (the lesson's slot) first, then the most common. A leak
 * is on the outer thread, or with `threads` > 1 on the threads' outer values. */
export function groupFailures(failures: readonly ExploreFailure[], leadSlot: string | null, threads = 1): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  // Slots that cross-wired from a sibling polled on the same thread in some schedule.
  const bySibling = new Set<string>();
  failures.forEach((failure, index) => {
    // Each slot once per schedule: its first cross-wire, and whether any of its cross-wires followed a migration.
    const first = new Map<string, ExploreCrosswire>();
    const moved = new Set<string>();
    for (const c of failure.crosswires) {
      if (!first.has(c.slot)) first.set(c.slot, c);
      if (c.cause === 'migration') moved.add(c.slot);
      else if (c.cause === 'sibling') bySibling.add(c.slot);
    }
    for (const [slot, c] of first) {
      const migrated = c.cause === undefined ? {} : { afterMigration: moved.has(slot) ? 1 : 0 };
      const group = groups.get(`x:${slot}`);
      if (group) {
        group.count++;
        if (group.afterMigration !== undefined && moved.has(slot)) group.afterMigration++;
      } else
        groups.set(`x:${slot}`, {
          kind: 'crosswire',
          slot,
          title: titleOf(slot),
          consequence: c.consequence,
          count: 1,
          ...migrated,
          simplest: index,
          cause: null,
        });
    }
    if (failure.leaks.length > 0) {
      const slot = failure.leaks.join(', ');
      const group = groups.get(`l:${slot}`);
      if (group) group.count++;
      else
        groups.set(`l:${slot}`, {
          kind: 'leak',
          slot,
          title: threads > 1 ? 'a thread is not given back its own outer values' : 'the outer thread is not given back its own values',
          consequence: `${outerKeeps(threads)} ${slot}`,
          count: 1,
          simplest: index,
          cause: null,
        });
    }
  });
  // A slot that only ever went wrong after a migration: the task read whatever its new thread held (nothing, with
  // one child), so the one-thread title ("another task's …") would not be true.
  for (const group of groups.values()) {
    if (group.kind === 'crosswire' && group.afterMigration !== undefined && !bySibling.has(group.slot)) group.title = MOVED_TITLE;
    group.cause = groupCauseOf(group.count, group.afterMigration);
  }
  const rank = (g: FailureGroup) => (g.kind === 'crosswire' && g.slot === leadSlot ? 0 : 1);
  return [...groups.values()].sort(
    (a, b) => rank(a) - rank(b) || b.count - a.count || a.simplest - b.simplest,
  );
}
