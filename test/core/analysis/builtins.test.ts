// Every builtin harn-vm registers is sorted (issue 24, acceptance 1): classified by the seed, or in the one table of
// builtins the seed does not classify (pure, or effectful with its reason and effect). A call of an effectful one is
// unseen; a call of a name that is none of these, nor the program's own, is "effects unknown".
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectUnseenEffects, effectRecordSummary } from '../../../src/core/index.ts';
import { unclassifiedBuiltin, unclassifiedBuiltins } from '../../../src/core/analysis/builtins.ts';
import { effectsFromCall } from '../../../src/core/analysis/effects.ts';
import { classifyCall, semanticsOf } from '../../../src/core/analysis/ir.ts';
import { parse } from '../../../src/core/syntax/index.ts';

const reference = readFileSync(resolve(import.meta.dirname, '../../../../shared/reference/harn-vm-builtins.md'), 'utf8');

/** file → names, from the reference's "Registered builtins" list (async marks dropped). */
function registered(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of reference.split('## Registered builtins')[1]!.split('\n')) {
    const m = /^- `([^`]+)`: (.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.split(',').map((n) => n.trim().replace(/\*$/, '')));
  }
  return out;
}

const seedClassifies = (name: string) => effectsFromCall(semanticsOf(name, [])).length > 0 || classifyCall(name, []).kind !== 'Other';

function unseen(source: string): string[] {
  return collectUnseenEffects(parse(source).program, source).map((u) => `${u.effect ? effectRecordSummary(u.effect) : '?'} | ${u.reason} | ${source.slice(u.span.start, u.span.end)}`);
}

describe('the builtin table', () => {
  const files = registered();

  it('reads the whole reference list (72 files, more than 700 names)', () => {
    expect(files.size).toBe(72);
    expect([...files.values()].flat().length).toBeGreaterThan(700);
  });

  it('sorts every builtin of the reference: classified by the seed, or in the table under its own file', () => {
    const unsorted: string[] = [];
    const misfiled: string[] = [];
    for (const [file, names] of files)
      for (const name of names) {
        if (seedClassifies(name)) continue;
        const entry = unclassifiedBuiltin(name);
        if (!entry) unsorted.push(`${file}: ${name}`);
        else if (![...files].some(([f, ns]) => f === entry.file && ns.includes(name))) misfiled.push(`${name} (${entry.file})`);
      }
    expect(unsorted).toEqual([]);
    expect(misfiled).toEqual([]);
  });

  it('holds only builtins of the reference that the seed does not classify, each with a reason', () => {
    const all = new Set([...files.values()].flat());
    for (const entry of unclassifiedBuiltins()) {
      expect(all.has(entry.name), entry.name).toBe(true);
      expect(seedClassifies(entry.name), entry.name).toBe(false);
      expect(entry.reason.length, entry.name).toBeGreaterThan(10);
    }
  });

  it('sorts the agent runners as effectful: sub_agent_run and workflow_execute need llm and spawn', () => {
    const runners = ['sub_agent_run', 'workflow_execute', 'daemon_spawn', 'trigger_fire', 'agent_session_compact'];
    expect(Object.fromEntries(runners.map((name) => [name, unclassifiedBuiltin(name)!.effects.map(effectRecordSummary)]))).toEqual({
      sub_agent_run: ['llm:write', 'spawn:write'],
      workflow_execute: ['llm:write', 'spawn:write'],
      daemon_spawn: ['llm:write', 'spawn:write'],
      trigger_fire: ['spawn:write'],
      agent_session_compact: ['llm:write'],
    });
    for (const name of ['json_parse', 'len', 'agent_session_open', 'sha3_256']) expect(unclassifiedBuiltin(name)!.effects, name).toEqual([]);
  });
});

describe('unseen calls of builtins harn does not classify', () => {
  it('lists sub_agent_run in a handler body (harn sees the call but gives it no effect) with its reason', () => {
    expect(unseen('pipeline main() {\n  sub_agent_run("research", {tools: ["read"]})\n}')).toEqual([
      'llm:write | needed by sub_agent_run, which harn\'s handoff analysis does not classify; it runs a sub-agent: LLM calls and tools | sub_agent_run("research", {tools: ["read"]})',
      'spawn:write | needed by sub_agent_run, which harn\'s handoff analysis does not classify; it runs a sub-agent: LLM calls and tools | sub_agent_run("research", {tools: ["read"]})',
    ]);
  });

  it('lists workflow_execute and a dotted builtin (event_log.emit)', () => {
    const found = unseen('pipeline main() {\n  workflow_execute(graph)\n  event_log.emit("x", {})\n}');
    expect(found.map((f) => f.split(' | ')[0])).toEqual(['llm:write', 'spawn:write', 'hostcall:event_log:write']);
  });

  it('says nothing of pure builtins, the with_* policy calls and the program\'s own functions', () => {
    expect(unseen('fn helper(x) { return x }\npipeline main() {\n  let f = { y -> y }\n  let n = len(json_parse("[1]"))\n  helper(f(n))\n}')).toEqual([]);
  });

  it('says "effects unknown" for a call that is neither classified, nor sorted, nor the program\'s own', () => {
    expect(unseen('pipeline main() {\n  frobnicate(1)\n}')).toEqual([
      "? | effects unknown: frobnicate is neither a builtin harn-vm registers nor a function of this program | frobnicate(1)",
    ]);
    expect(unseen('import "std/more"\npipeline main() {\n  frobnicate(1)\n}')[0]).toContain('it may come from std/more');
  });

  it('a program shadowing a table builtin calls its own function', () => {
    expect(unseen('fn sub_agent_run(x) { return x }\npipeline main() {\n  sub_agent_run(1)\n}')).toEqual([]);
  });
});
