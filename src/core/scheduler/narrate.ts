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
  context: 'working directory',
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

/** What one cross-wired slot of a check does to the call, as a verb phrase ("is checked against …"); a denied
 * call never lands or is audited as done, so its phrase says where it would have gone. */
function slotConsequence(slot: number, slotName: string, observed: AmbientValue | number | null, f: CheckFacts): string {
  const owner = ownerName(observed);
  if (slot === SLOT.executionContext && f.path !== null) {
    const cwd = f.cwd ?? 'no working directory';
    if (!f.decision) return `resolves against ${cwd}${owner ? `, ${owner}'s worktree,` : ''} but is denied, so nothing lands there`;
    return `resolves against ${cwd}${owner ? ` and lands in ${owner}'s worktree` : ''}`;
  }
  if (slot === SLOT.executionPolicy) return `is checked against ${ownerPhrase(observed)} and ${decided(f)}`;
  if (slot === SLOT.mutationSession) {
    const under = `${owner ? `${owner}'s session` : 'no session'} (${currentLabel(observed)})`;
    return f.decision ? `is audited under ${under}` : `would have been audited under ${under}, had it been allowed`;
  }
  if (slot === SLOT.trustedBridgeDepth) {
    const clause = f.bridge ? bridgeClause(f.bridge, f.bridgeWhose) : null;
    return `runs at trusted-bridge depth ${currentLabel(observed)}, as if nested inside another task's trusted bridge call${clause ? `: ${clause}` : ''}`;
  }
  return `uses ${ownerPhrase(observed)} from ${slotName}`;
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
  const consequence = slotConsequence(slot, name, observed, f);
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
  const parts: string[] = [];
  // The policy comes first in the sentence whatever the read order (fs checks read the cwd before it).
  const ordered = reads.filter((read) => read.slot === SLOT.executionPolicy);
  for (const read of reads) if (read.slot !== SLOT.executionPolicy) ordered.push(read);
  for (const read of ordered) {
    if (read.record === null) continue;
    const observed = read.observed;
    if (read.slot === SLOT.executionPolicy) parts.push(`was checked against ${ownerPhrase(observed)}`);
    else if (read.slot === SLOT.executionContext && path !== null)
      parts.push(`${decision ? 'landed in' : 'was aimed at'} ${ctx?.cwd ?? 'no working directory'}`);
    else if (read.slot === SLOT.trustedBridgeDepth) {
      const clause = bridge ? bridgeClause(bridge.decision, bridge.whose) : null;
      parts.push(
        `ran at trusted-bridge depth ${currentLabel(observed)}, as if nested inside another task's trusted bridge call${clause ? ` (${clause})` : ''}`,
      );
    }
    else if (read.slot === SLOT.mutationSession)
      parts.push(
        `${decision ? 'was audited' : 'would have been audited'} under ${ownerPhrase(observed)} (${currentLabel(observed)})`,
      );
    else parts.push(`used ${ownerPhrase(observed)} from ${slotNames[read.slot]}`);
  }
  const action =
    check.isFs && check.target !== null
      ? `${check.isWrite ? 'write' : 'read'} of ${narrationText(check.target)}`
      : writtenCall(check);
  const consequence = parts.length > 0 ? `${task}'s ${action} ${joinAnd(parts)}` : null;
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
