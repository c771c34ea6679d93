// The sentences a student reads: for each poll, read and check one plain sentence of what happened and why, then
// its consequence ("alpha resumes after yield_now(). While it waited, beta ran and left its working directory on
// the thread, so alpha's write_file("out.txt") resolves against /worktrees/beta and lands in beta's worktree"),
// with the clock and choice point in a secondary detail line; and the summary's consequence of a cross-wire.
// Pure string building over executor state; strings a program wrote are quoted as literals (../report/escape.ts).
// Depends on ./catalog.ts, ./scope.ts, ./ops.ts, executor types and ../report/escape.ts.
import { narrationLiteral, narrationText } from '../report/escape.ts';
import { bridgeClause, bridgeDecision, type BridgeDecision } from './bridge.ts';
import { SLOT, SLOT_NAMES } from './catalog.ts';
import type { ExecState } from './executor.ts';
import type { CheckSpec, TaskProgram } from './ops.ts';
import { currentLabel, slotCurrent, slotValueLabel, type AmbientValue, type SlotValue } from './scope.ts';

const NOUNS: Record<AmbientValue['kind'], string> = {
  policy: 'policy',
  approval: 'approval policy',
  autonomy: 'autonomy policy',
  command: 'command policy',
  permission: 'permissions',
  overlay: 'runtime-context overlay',
  'llm-frame': 'LLM render frame',
  'connector-frame': 'connector frame',
  context: 'working directory',
  'source-dir': 'source dir',
  session: 'mutation session',
  marker: 'value',
};

/** What a value of this kind is, in words (`working directory`, `mutation session`): the narration's noun. */
export function valueNoun(kind: AmbientValue['kind']): string {
  return NOUNS[kind];
}

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
  detail: string | null;
  consequence: string | null;
  path: string | null;
  session: string | null;
}

interface OpenRead {
  slot: number;
  observed: AmbientValue | number | null;
  /** What the task would see running alone (its shadow). */
  expected: AmbientValue | number | null;
  record: unknown;
}

/** What a resuming task did not see: the await it resumes after (null: its first poll, or no await in between)
 * and the tasks polled while it waited (in order, each once). */
export interface Resumption {
  what: string | null;
  ran: string[];
  /** "resumes after …" was already said in this poll. */
  told: boolean;
  /** Several threads: the thread (1-based) this poll runs on, else null. */
  thread?: number | null;
  /** The poll runs on another thread than the task's last one (its spawner's before its first poll), 1-based. */
  moved?: { from: number; to: number; first: boolean } | null;
}

/** "alpha resumes on thread 2; it last ran on thread 1": where a migrated task runs now and ran before. */
export function narrateMove(task: string, moved: { from: number; to: number; first: boolean }): string {
  return moved.first
    ? `${task} starts on thread ${moved.to}; it was spawned on thread ${moved.from}`
    : `${task} resumes on thread ${moved.to}; it last ran on thread ${moved.from}`;
}

/** Whose value a read got (the task that installed it), or null for depths and empty slots. */
export function ownerName(value: AmbientValue | number | null): string | null {
  return value !== null && typeof value === 'object' ? value.owner : null;
}

/** The clause before ", so …": why the task sees another task's value. */
export function whyItSees(
  task: string,
  r: Resumption,
  slotName: string,
  observed: AmbientValue | number | null,
): string {
  const owner = ownerName(observed);
  if (r.moved) {
    const holds =
      owner === null
        ? `${observed === null ? 'nothing' : `depth ${currentLabel(observed)}`} in ${slotName}`
        : `${owner}'s ${NOUNS[(observed as AmbientValue).kind]} in ${slotName}`;
    const moves = r.told ? '' : `${narrateMove(task, r.moved)}. `;
    return `${moves}Thread ${r.moved.to} holds ${holds}: ${task}'s own values stayed behind`;
  }
  if (r.what !== null && r.ran.length > 0) {
    const whose =
      owner === null
        ? `${slotName} at ${currentLabel(observed)}`
        : `${r.ran.length === 1 && r.ran[0] === owner ? 'its' : `${owner}'s`} ${NOUNS[(observed as AmbientValue).kind]} in ${slotName}`;
    const resumes = r.told ? '' : `${task} resumes after ${r.what}. `;
    return `${resumes}While it waited, ${joinAnd(r.ran)} ran and left ${whose}`;
  }
  const thread = r.thread ? `Thread ${r.thread}` : 'The thread';
  return `${thread} holds ${ownerPhrase(observed)} in ${slotName}, not ${task}'s own`;
}

/** A cross-wired read that is not part of a check (a pop, the startup event, a model response's render). */
export function narrateOwnRead(
  task: string,
  r: Resumption,
  slotName: string,
  access: 'read' | 'pop',
  what: string,
  expected: AmbientValue | number | null,
  observed: AmbientValue | number | null,
): string {
  const expectedLabel = currentLabel(expected);
  if (access === 'pop')
    return `${task} pops ${ownerPhrase(observed)} off ${slotName} instead of its own ${expectedLabel}, which stays behind.`;
  return `${whyItSees(task, r, slotName, observed)}, so ${task} uses ${ownerPhrase(observed)} for ${what} instead of its own ${expectedLabel}.`;
}

/** What a call written in the program looks like: `write_file("out.txt")`, `llm_call(…)`; the target is a literal
 * with escapes, so quotes in it cannot end it and rewrite the sentence. */
export function writtenCall(check: CheckSpec): string {
  return check.target !== null ? `${check.call}(${narrationLiteral(check.target)})` : `${check.call}(…)`;
}

export interface CheckFacts {
  check: CheckSpec;
  cwd: string | null;
  path: string | null;
  session: string | null;
  decision: boolean;
  preflight: boolean;
  /** A host call: what its trusted-bridge depth lets the builtins it bridges skip (null for other calls). */
  bridge: BridgeDecision | null;
  /** Whose policy the bridge check runs under at the task's own depth ("beta's policy"). */
  bridgeWhose: string;
}

const depthOf = (value: AmbientValue | number | null): number => (typeof value === 'number' ? value : 0);

/** A host call's bridge decision from its reads (its depth and its policy, observed and its own), else null. */
function bridgeOf(reads: readonly OpenRead[], observedPolicy: AmbientValue | null): { decision: BridgeDecision; whose: string } | null {
  const depth = reads.find((read) => read.slot === SLOT.trustedBridgeDepth);
  if (!depth) return null;
  const own = (reads.find((read) => read.slot === SLOT.executionPolicy)?.expected ?? null) as AmbientValue | null;
  const decision = bridgeDecision(depthOf(depth.observed), observedPolicy !== null, depthOf(depth.expected), own ? currentLabel(own) : null);
  return { decision, whose: ownerPhrase(own) };
}

function decided(f: CheckFacts): string {
  const verdict = f.decision ? 'allowed' : 'denied';
  return f.decision === f.preflight
    ? verdict
    : `${verdict}, though preflight ${f.preflight ? 'allowed' : 'denied'} it`;
}

type Observed = AmbientValue | number | null;

/** One row of the consequence table: what a cross-wired read of its slot does to the call, as a verb phrase in
 * either tense — the present for the read's own sentence ("is checked against …", written as the check is
 * decided), the past for the check's cross-wire consequence in the summary ("was checked against …"). A denied
 * call never lands or is audited as done, so its phrases say where it would have gone. */
interface ConsequenceRow {
  /** The slot this row is for; null: every slot without a row of its own. */
  slot: number | null;
  /** The row applies only to a call with a resolved path (an fs call). */
  needsPath?: boolean;
  present(observed: Observed, f: CheckFacts, slotName: string): string;
  past(observed: Observed, f: CheckFacts, slotName: string): string;
}

const CONSEQUENCES: readonly ConsequenceRow[] = [
  {
    slot: SLOT.executionContext,
    needsPath: true,
    present: (observed, f) => {
      const owner = ownerName(observed);
      const cwd = f.cwd ?? 'no working directory';
      if (!f.decision) return `resolves against ${cwd}${owner ? `, ${owner}'s worktree,` : ''} but is denied, so nothing lands there`;
      return `resolves against ${cwd}${owner ? ` and lands in ${owner}'s worktree` : ''}`;
    },
    past: (_observed, f) => `${f.decision ? 'landed in' : 'was aimed at'} ${f.cwd ?? 'no working directory'}`,
  },
  {
    slot: SLOT.executionPolicy,
    present: (observed, f) => `is checked against ${ownerPhrase(observed)} and ${decided(f)}`,
    past: (observed) => `was checked against ${ownerPhrase(observed)}`,
  },
  {
    slot: SLOT.mutationSession,
    present: (observed, f) => {
      const owner = ownerName(observed);
      const under = `${owner ? `${owner}'s session` : 'no session'} (${currentLabel(observed)})`;
      return f.decision ? `is audited under ${under}` : `would have been audited under ${under}, had it been allowed`;
    },
    past: (observed, f) =>
      `${f.decision ? 'was audited' : 'would have been audited'} under ${ownerPhrase(observed)} (${currentLabel(observed)})`,
  },
  {
    slot: SLOT.trustedBridgeDepth,
    present: (observed, f) => {
      const clause = f.bridge ? bridgeClause(f.bridge, f.bridgeWhose) : null;
      return `runs at trusted-bridge depth ${currentLabel(observed)}, as if nested inside another task's trusted bridge call${clause ? `: ${clause}` : ''}`;
    },
    past: (observed, f) => {
      const clause = f.bridge ? bridgeClause(f.bridge, f.bridgeWhose) : null;
      return `ran at trusted-bridge depth ${currentLabel(observed)}, as if nested inside another task's trusted bridge call${clause ? ` (${clause})` : ''}`;
    },
  },
  {
    slot: null,
    present: (observed, _f, slotName) => `uses ${ownerPhrase(observed)} from ${slotName}`,
    past: (observed, _f, slotName) => `used ${ownerPhrase(observed)} from ${slotName}`,
  },
];

/** What a cross-wired read of `slot` did to the call, from the consequence table, in `tense`. */
export function slotConsequence(
  slot: number,
  slotName: string,
  observed: Observed,
  f: CheckFacts,
  tense: 'present' | 'past',
): string {
  for (const row of CONSEQUENCES) {
    if (row.slot !== null && (row.slot !== slot || (row.needsPath && f.path === null))) continue;
    return tense === 'present' ? row.present(observed, f, slotName) : row.past(observed, f, slotName);
  }
  throw new Error('unreachable: the consequence table ends with a row for every slot');
}

/** The sentence of a cross-wired read of a check, written once the check is decided: the first one explains
 * why (the resumption), later ones add what else the call got wrong. */
export function narrateCheckRead(
  task: string,
  r: Resumption,
  first: boolean,
  slot: number,
  observed: AmbientValue | number | null,
  f: CheckFacts,
  slotNames: readonly string[] = SLOT_NAMES,
): string {
  const name = slotNames[slot] ?? `slot ${slot}`;
  const consequence = slotConsequence(slot, name, observed, f, 'present');
  const call = `${task}'s ${writtenCall(f.check)}`;
  if (first) return `${whyItSees(task, r, name, observed)}, so ${call} ${consequence}.`;
  return `It also reads ${name} (${ownerPhrase(observed)}), so ${call} ${consequence}.`;
}

// What the decided call does: an allowed one writes or reads its path (under its session); a denied one does not,
// and the sentence says so rather than naming a write that never happens.
function checkOutcome(decision: boolean, isWrite: boolean, path: string | null, session: string | null): string {
  if (decision) {
    const under = session !== null ? ` under ${session}` : '';
    return path === null ? under : `; it ${isWrite ? 'writes' : 'reads'} ${narrationText(path)}${under}`;
  }
  if (path === null) return '';
  return `: nothing is ${isWrite ? 'written to' : 'read from'} ${narrationText(path)}`;
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
): CheckNarration & { facts: CheckFacts } {
  const ctx = slotCurrent(state.thread[SLOT.executionContext]) as AmbientValue | null;
  const path = check.isFs && check.target !== null ? resolvePath(check.target, ctx?.cwd) : null;
  const sessionValue = check.isWrite
    ? (slotCurrent(state.thread[SLOT.mutationSession]) as AmbientValue | null)
    : null;
  const session = check.isWrite ? currentLabel(sessionValue) : null;
  const policyValue = slotCurrent(state.thread[SLOT.executionPolicy]) as AmbientValue | null;
  const bridge = bridgeOf(reads, policyValue);
  const facts: CheckFacts = {
    check,
    cwd: ctx?.cwd ?? null,
    path,
    session,
    decision,
    preflight,
    bridge: bridge?.decision ?? null,
    bridgeWhose: bridge?.whose ?? 'no policy',
  };
  const parts: string[] = [];
  // The policy comes first in the sentence whatever the read order (fs checks read the cwd before it).
  const ordered = reads.filter((read) => read.slot === SLOT.executionPolicy);
  for (const read of reads) if (read.slot !== SLOT.executionPolicy) ordered.push(read);
  for (const read of ordered) {
    if (read.record === null) continue;
    parts.push(slotConsequence(read.slot, slotNames[read.slot]!, read.observed, facts, 'past'));
  }
  const action =
    check.isFs && check.target !== null
      ? `${check.isWrite ? 'write' : 'read'} of ${narrationText(check.target)}`
      : writtenCall(check);
  const consequence = parts.length > 0 ? `${task}'s ${action} ${joinAnd(parts)}` : null;
  const judge = policyValue === null ? 'no policy' : ownerPhrase(policyValue);
  let narration = `${task}'s ${writtenCall(check)} is ${decision ? 'allowed' : 'denied'} by ${judge}`;
  if (decision !== preflight) narration += `, though preflight ${preflight ? 'allowed' : 'denied'} it`;
  narration += checkOutcome(decision, check.isWrite, path, session);
  narration += '.';
  if (check.escapes.length > 0)
    narration += ` It escapes the parent's grant (HARN-CAP-301: ${check.escapes.join(', ')}): with enforcement at spawn off, nothing stopped it.`;
  const details: string[] = [];
  if (decision !== preflight)
    details.push(
      `Preflight judged it against ${task}'s own policy and promised ${preflight ? 'allow' : 'deny'}.`,
    );
  if (consequence !== null) details.push(`Cross-wire: ${consequence}.`);
  return {
    narration,
    detail: details.length > 0 ? details.join(' ') : null,
    consequence,
    path,
    session,
    facts,
  };
}

/** A poll's sentence: whose turn it is and what it was waiting for. */
export function narratePoll(
  task: string,
  resumedAfter: string | null,
  joined: boolean,
  thread: { on: number; moved: { from: number; to: number; first: boolean } | null } | null = null,
): string {
  const why = joined ? 'its children are done' : resumedAfter === null ? null : `its ${resumedAfter} is done`;
  if (thread?.moved) return `${narrateMove(task, thread.moved)}${why ? ` (${why})` : ''}.`;
  const on = thread ? ` on thread ${thread.on}` : '';
  if (why === null) return `${task} is polled for the first time${on}.`;
  return `${task} is polled${on}: ${why}.`;
}

/** A poll's detail line: the clock, the choice point, and what the mode does to the thread-locals. */
export function pollDetail(
  clock: number,
  ready: readonly string[] | null,
  choiceIndex: number,
  unscoped: boolean,
  thread: { on: number; count: number } | null = null,
): string {
  const parts = [`t=${clock}`];
  if (ready !== null)
    parts.push(
      thread
        ? `choice point ${choiceIndex + 1}: ${ready.join(', ')} ready, ${thread.count} threads free`
        : `choice point ${choiceIndex + 1}: ${ready.join(', ')} ready`,
    );
  if (thread) parts.push(`thread ${thread.on}`);
  parts.push(unscoped ? 'shared thread-locals (unscoped)' : 'its scope swaps in');
  return parts.join(' · ');
}

// The spawn teaches what the grant allows: a child spawned with its effects all within the grant is covered; one
// whose effects escape it runs only because enforcement at spawn is off, and the sentence names what escapes.
// A child the parent's code does not name is spawned by the playground at the parent's spawn site, and said so.
export function narrateSpawn(parent: string, child: string, program: TaskProgram): string {
  const admission = program.admission;
  const spawns = `${spawnerOf(parent, program)} spawns ${child}${playgroundWhy(program)}`;
  if (!admission || parent === 'the outer thread') return `${spawns}.`;
  const grant = admission.grant.join(', ') || 'nothing';
  if (program.refusal !== null)
    return `${spawns}, though the parent's grant (${grant}) does not cover ${joinAnd(program.refusal.violations)}: enforcement at spawn is off, so it is spawned anyway (HARN-CAP-301 not enforced).`;
  const asks = admission.effects.length === 0 ? 'no effects' : admission.effects.join(', ');
  return `${spawns}: the parent's grant (${grant}) covers everything ${child} does (${asks}); a child asking for anything outside it is refused at spawn (HARN-CAP-301).`;
}

/** Who spawns a child: the parent, or the playground for a child the parent's code does not name. */
export function spawnerOf(parent: string, program: TaskProgram): string {
  return program.playground ? 'The playground' : parent;
}

/** After a playground-spawned child's name, why: ` (parent's code spawns "alpha" and "beta", not "gamma")`. */
export function playgroundWhy(program: TaskProgram): string {
  return program.playground ? ` (${program.playground})` : '';
}

export function narrateRefusalDetail(program: TaskProgram): string | null {
  const admission = program.admission;
  return admission
    ? `The parent's grant allows ${admission.grant.join(', ') || 'nothing'}; anything else is refused at spawn.`
    : null;
}

/** A panic. In naive mode (no restore guard) it names the slots the unwinding poll leaves holding the task's
 * values; in scoped mode the slots whose outer values the guard puts back (`left`: those slots). */
export function narratePanic(task: string, message: string, mode: string, left: readonly string[]): string {
  const panics = `${task} panics mid-poll: ${narrationText(message)}.`;
  if (left.length === 0) return panics;
  if (mode === 'naive')
    return `${panics} With no restore guard, the unwinding poll leaves ${task}'s values in ${joinAnd([...left])} on the thread: they are leaked to the outer thread.`;
  if (mode === 'scoped')
    return `${panics} As the poll unwinds, the restore guard puts the outer values back in ${joinAnd([...left])}: nothing of ${task}'s is leaked.`;
  return panics;
}

/** A leaked slot's value on each thread that keeps one: "policy(alpha) on thread 2, …". */
export function heldOnThreads(held: readonly { value: string; thread: number }[]): string {
  return held.map((h) => `${h.value} on thread ${h.thread}`).join(', ');
}

/** The outer thread's check once every task is done: clean, or how many slots it keeps (their values in detail). */
export function narrateOuterCheck(
  leaks: readonly string[],
  values: readonly string[],
  threads = 1,
): { narration: string; detail: string | null } {
  const outer = threads > 1 ? `every thread's outer values` : 'the outer thread';
  if (leaks.length === 0)
    return { narration: `All tasks are finished; ${outer} ${threads > 1 ? 'are' : 'is'} left clean.`, detail: null };
  const slots = `${leaks.length} slot${leaks.length === 1 ? '' : 's'}`;
  const holder = threads > 1 ? 'the threads still hold' : 'the outer thread still holds';
  const it = threads > 1 ? 'they' : 'it';
  return {
    narration: `All tasks are finished, but ${holder} ${slots} ${it} should have got back, leaked: ${leaks.join(', ')}.`,
    detail: leaks.map((name, i) => `${name} = ${values[i]}`).join('; '),
  };
}

// The recorder's bookkeeping sentences: swaps, installs, reads, awaits, wakes, refusals, completions, poll exits.

/** A capture-set slot swapped in (the task's value onto the thread) or out (back to its saved scope). */
export function narrateSwap(task: string, slotName: string, direction: 'in' | 'out', installed: string, saved: string): string {
  return direction === 'in'
    ? `${slotName} swaps in: the thread now holds ${task}'s ${installed}; the guard keeps the outer ${saved}.`
    : `${slotName} swaps out: ${task}'s ${saved} goes back to its saved scope; the thread gets ${installed} back.`;
}

/** A write op's install; `after` is the slot's new value (its current entry named for push and pop). */
export function narrateInstall(
  task: string,
  action: 'push' | 'pop' | 'set' | 'unset' | 'inc' | 'dec',
  slotName: string,
  after: SlotValue,
): string {
  if (action === 'push') return `${task} pushes ${currentLabel(slotCurrent(after))} onto ${slotName}.`;
  if (action === 'pop') return `${slotName} now has ${currentLabel(slotCurrent(after))} on top.`;
  const afterLabel = slotValueLabel(after);
  if (action === 'set') return `${task} sets ${slotName} to ${afterLabel}.`;
  if (action === 'unset') return `${task} puts back the ${slotName} it replaced: ${afterLabel}.`;
  return `${task} ${action === 'inc' ? 'raises' : 'lowers'} ${slotName} to ${afterLabel}.`;
}

/** A read (or pop) that got the task's own value. */
export function narrateOwnValue(task: string, slotName: string, access: 'read' | 'pop', what: string, observed: string): string {
  return access === 'pop'
    ? `${task} pops its own ${observed} off ${slotName}.`
    : `${task} reads ${slotName} for ${what}: its own ${observed}.`;
}

/** A cross-wired read's consequence in the summary (a check's reads take the check's instead). */
export function readConsequence(
  task: string,
  slotName: string,
  access: 'read' | 'pop',
  what: string,
  observed: AmbientValue | number | null,
  expected: string,
): string {
  return access === 'pop'
    ? `${task} popped ${ownerPhrase(observed)} off ${slotName}, leaving its own ${expected} behind`
    : `${task} used ${ownerPhrase(observed)} from ${slotName} for ${what} instead of ${expected}`;
}

/** A cross-wired read's detail line. */
export function crosswireDetail(slotName: string, expected: string, observed: string): string {
  return `${slotName}: expected ${expected}, observed ${observed}.`;
}

/** An await (or a join's wait): its sentence, and the clock as detail when the task sleeps. */
export function narrateAwait(
  task: string,
  kind: string,
  what: string,
  wakeAt: number,
  clock: number,
): { narration: string; detail: string | null } {
  if (kind === 'join') return { narration: `${task} waits to join its children.`, detail: null };
  if (wakeAt <= clock) return { narration: `${task} yields at ${what} and is ready again at once.`, detail: null };
  return { narration: `${task} awaits ${what} (wakes at t=${wakeAt}).`, detail: `t=${clock}` };
}

export function narrateWake(task: string, clock: number): string {
  return `${task} wakes at t=${clock} and is ready.`;
}

/** A spawn's detail line. */
export const SPAWN_DETAIL = 'The child captures its inherited scope now.';

export function narrateRefusal(parent: string, child: string, program: TaskProgram): string {
  return `${spawnerOf(parent, program)}'s spawn of ${child}${playgroundWhy(program)} is refused (HARN-CAP-301): ${program.refusal!.message}`;
}

export function narrateComplete(task: string): string {
  return `${task} completes.`;
}

/** A panic's detail line: what naive mode's missing guard will not do. */
export function panicDetail(mode: string): string | null {
  return mode === 'naive' ? 'No restore guard: the unwinding poll will not swap its scope back out.' : null;
}

/** A poll's end: its outcome, and for a panic what the restore guard did (or, naive, did not do). */
export function narratePollExit(task: string, outcome: string, restored: boolean, mode: string): string {
  if (outcome === 'panic' && !restored && mode === 'naive')
    return `${task}'s poll unwinds with no restore guard: its scope stays on the thread and the outer values are lost.`;
  if (outcome === 'panic' && mode === 'scoped')
    return `${task}'s poll unwinds; the restore guard put the outer values back.`;
  return `${task}'s poll ends (${outcome}).`;
}
