// One-sentence narration for capability checks and the human consequence of a cross-wire ("alpha's write of
// out.txt was checked against beta's policy and landed in /worktrees/beta"). Pure string building over
// executor state. Depends on ./catalog.ts, ./scope.ts, ./ops.ts and the executor's state type.
import { SLOT, SLOT_NAMES } from './catalog.ts';
import type { ExecState } from './executor.ts';
import type { CheckSpec } from './ops.ts';
import { currentLabel, slotCurrent, type AmbientValue } from './scope.ts';

const NOUNS: Record<AmbientValue['kind'], string> = {
  policy: 'policy',
  approval: 'approval policy',
  autonomy: 'autonomy policy',
  command: 'command policy',
  permission: 'permissions',
  overlay: 'runtime-context overlay',
  'llm-frame': 'LLM render frame',
  'connector-frame': 'connector frame',
  context: 'execution context',
  'source-dir': 'source dir',
  session: 'mutation session',
  marker: 'value',
};

/** `beta's policy`, `nothing`, `depth 1`: whose value a read got. */
export function ownerPhrase(value: AmbientValue | number | null): string {
  if (value === null) return 'nothing';
  if (typeof value === 'number') return `depth ${value}`;
  return `${value.owner}'s ${NOUNS[value.kind]}`;
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A relative path resolves against the cwd; an absolute one (or no cwd) stays as written. */
export function resolvePath(target: string, cwd: string | null | undefined): string {
  if (target.startsWith('/') || !cwd) return target;
  return `${cwd}/${target.startsWith('./') ? target.slice(2) : target}`;
}

export interface CheckNarration {
  narration: string;
  consequence: string | null;
  path: string | null;
  session: string | null;
}

interface OpenRead {
  slot: number;
  observed: AmbientValue | number | null;
  record: unknown;
}

/** Narrates a check from what the task observed; `reads` are its slot reads, `record` set when one crossed. */
export function narrateCheck(
  task: string,
  check: CheckSpec,
  state: ExecState,
  reads: readonly OpenRead[],
  decision: boolean,
  preflight: boolean,
  slotNames: readonly string[] = SLOT_NAMES,
): CheckNarration {
  const ctx = slotCurrent(state.thread[SLOT.executionContext]) as AmbientValue | null;
  const path = check.isFs && check.target !== null ? resolvePath(check.target, ctx?.cwd) : null;
  const sessionValue = check.isWrite
    ? (slotCurrent(state.thread[SLOT.mutationSession]) as AmbientValue | null)
    : null;
  const session = check.isWrite ? currentLabel(sessionValue) : null;
  const policy = currentLabel(slotCurrent(state.thread[SLOT.executionPolicy]));
  const parts: string[] = [];
  // The policy comes first in the sentence whatever the read order (fs checks read the cwd before it).
  const ordered = reads.filter((read) => read.slot === SLOT.executionPolicy);
  for (const read of reads) if (read.slot !== SLOT.executionPolicy) ordered.push(read);
  for (const read of ordered) {
    if (read.record === null) continue;
    const observed = read.observed;
    if (read.slot === SLOT.executionPolicy) parts.push(`was checked against ${ownerPhrase(observed)}`);
    else if (read.slot === SLOT.executionContext && path !== null)
      parts.push(`landed in ${ctx?.cwd ?? 'no working directory'}`);
    else if (read.slot === SLOT.trustedBridgeDepth)
      parts.push(
        `ran at trusted-bridge depth ${currentLabel(observed)}, as if nested inside another task's trusted bridge call`,
      );
    else if (read.slot === SLOT.mutationSession)
      parts.push(`was audited under ${ownerPhrase(observed)} (${currentLabel(observed)})`);
    else parts.push(`used ${ownerPhrase(observed)} from ${slotNames[read.slot]}`);
  }
  const written = check.target !== null ? `${check.call}(${check.target})` : `${check.call}(…)`;
  const action =
    check.isFs && check.target !== null ? `${check.isWrite ? 'write' : 'read'} of ${check.target}` : written;
  const consequence = parts.length > 0 ? `${task}'s ${action} ${joinAnd(parts)}` : null;
  let narration = `${task}'s ${written} is ${decision ? 'allowed' : 'denied'} by ${policy}`;
  if (path !== null) narration += `, touching ${path}`;
  if (session !== null) narration += ` under ${session}`;
  if (decision !== preflight) narration += ` (preflight promised ${preflight ? 'allow' : 'deny'})`;
  narration += consequence !== null ? `. Cross-wire: ${consequence}.` : '.';
  return { narration, consequence, path, session };
}
