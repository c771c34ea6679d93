// A scenario's goal: its schema (every wrong field named, with what was expected), its defaults, and the share
// link round trip (a goal travels in the link; a scenario without one encodes as before).
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, EXAMPLES, formatScenarioError, minimizeScenario, validateScenario, type ScenarioInput } from '../../../src/core/index.ts';

const base: ScenarioInput = {
  version: 1,
  parent: { source: 'pipeline main() {\n  spawn_agent("alpha")\n}' },
  children: [{ name: 'alpha', source: 'pipeline main() {\n  yield_now()\n}' }],
};

const errorsOf = (goal: unknown) => validateScenario({ ...base, goal }).errors.map(formatScenarioError);

describe('goal schema', () => {
  it.each([
    ['not an object', 'find', 'goal: expected a goal object ({"verb"?, "all": [terms], "title"?, "note"?, "allow"?}), got "find"'],
    ['no terms', { all: [] }, 'goal.all: expected a list of 1 to 4 goal terms, got a list'],
    ['too many terms', { all: Array.from({ length: 5 }, () => ({ kind: 'leak' })) }, 'goal.all: too many goal terms: 5, the limit is 4'],
    ['an unknown kind', { all: [{ kind: 'crosswires' }] }, 'goal.all[0].kind: expected "crosswire", "leak", "refusal", "violation", "migration", "panic" or "clean", got "crosswires"'],
    ['a field the kind does not take', { all: [{ kind: 'leak', task: 'alpha' }] }, 'goal.all[0].task: a "leak" term has no field "task" (its fields: slot, not)'],
    ['a field on clean', { all: [{ kind: 'clean', not: true }] }, 'goal.all[0].not: a "clean" term takes no other field'],
    ['a slot in lower case', { all: [{ kind: 'crosswire', slot: 'vm_execution_context' }] }, 'goal.all[0].slot: unknown slot name "vm_execution_context"; did you mean VM_EXECUTION_CONTEXT?'],
    ['an unknown slot', { all: [{ kind: 'leak', slot: 'NOPE_STACK' }] }, 'goal.all[0].slot: unknown slot name "NOPE_STACK" (a name of the ambient catalog or of the scenario\'s slots, e.g. VM_EXECUTION_CONTEXT)'],
    ['a task that is not a name', { all: [{ kind: 'crosswire', task: 'al pha' }] }, 'goal.all[0].task: expected a task name (an identifier: a letter or "_", then letters, digits or "_", at most 64 characters), got "al pha"'],
    ['not: false', { all: [{ kind: 'crosswire', not: false }] }, 'goal.all[0].not: expected true (leave it out for "there is one"), got false'],
    ['an unknown verb', { verb: 'win', all: [{ kind: 'clean' }] }, 'goal.verb: expected "find" (a schedule: a challenge) or "make" (a change: an exercise), got "win"'],
    ['an unknown allowance', { all: [{ kind: 'clean' }], allow: ['picks', 'threads'] }, 'goal.allow[1]: expected "picks", "capture", "mode" or "sources", got "threads"'],
    ['an allowance twice', { all: [{ kind: 'clean' }], allow: ['mode', 'mode'] }, 'goal.allow[1]: "mode" is listed twice'],
    ['a note too long', { all: [{ kind: 'clean' }], note: 'x'.repeat(1001) }, 'goal.note: expected a string of at most 1,000 characters, got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"… (1001 characters)'],
    ['an unknown field', { all: [{ kind: 'clean' }], hint: 'x' }, 'goal.hint: unknown field (known fields: verb, all, title, note, allow)'],
  ])('names %s', (_what, goal, message) => {
    const errors = errorsOf(goal);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith(message.split(', got ')[0]!)).toBe(true);
    if (!message.includes('…')) expect(errors).toContain(message);
  });

  it('accepts a task the scenario does not have yet (an exercise asks for it) and a slot the scenario adds', () => {
    const result = validateScenario({ ...base, slots: [{ name: 'EGRESS_TENANT_STACK', reads: ['net'] }], goal: { verb: 'make', all: [{ kind: 'crosswire', task: 'gamma', slot: 'EGRESS_TENANT_STACK' }] } });
    expect(result.errors).toEqual([]);
    expect(result.value?.goal).toEqual({ verb: 'make', all: [{ kind: 'crosswire', task: 'gamma', slot: 'EGRESS_TENANT_STACK' }], title: '', note: '', allow: ['picks'] });
  });

  it('normalizes the defaults and minimizes them away again, allowances in one order', () => {
    const result = validateScenario({ ...base, goal: { all: [{ slot: 'VM_EXECUTION_CONTEXT', kind: 'crosswire', task: 'alpha' }], allow: ['sources', 'picks'] } });
    expect(result.value?.goal).toEqual({ verb: 'find', all: [{ kind: 'crosswire', task: 'alpha', slot: 'VM_EXECUTION_CONTEXT' }], title: '', note: '', allow: ['picks', 'sources'] });
    expect(minimizeScenario(result.value!).goal).toEqual({ all: [{ kind: 'crosswire', task: 'alpha', slot: 'VM_EXECUTION_CONTEXT' }], allow: ['picks', 'sources'] });
  });

  it('travels in the share link and decodes to the same scenario', () => {
    const scenario = validateScenario({ ...base, goal: { verb: 'make', all: [{ kind: 'crosswire', task: 'gamma', slot: 'VM_EXECUTION_CONTEXT' }], note: 'Add gamma.', allow: ['picks', 'sources'] } }).value!;
    const decoded = decodeLink(encodeLink(scenario));
    expect(decoded.error).toBeNull();
    expect(decoded.value).toEqual(scenario);
  });

  it('leaves a scenario without a goal as it was: no goal key, and a link with a bad goal is refused by name', () => {
    for (const example of EXAMPLES) {
      expect('goal' in example.scenario).toBe(false);
      expect('goal' in minimizeScenario(example.scenario)).toBe(false);
    }
    const bad = encodeLink({ ...validateScenario(base).value!, goal: { verb: 'find', all: [{ kind: 'leak', slot: 'NOPE_STACK' }], title: '', note: '', allow: ['picks'] } });
    expect(decodeLink(bad).error?.message).toMatch(/^the link holds an invalid scenario: goal\.all\[0\]\.slot: unknown slot name "NOPE_STACK"/);
  });
});
