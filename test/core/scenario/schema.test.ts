import { describe, expect, it } from 'vitest';
import {
  AMBIENT_SLOT_NAMES,
  formatScenarioError,
  formatScenarioPath,
  loadScenario,
  SCENARIO_LIMITS,
  validateScenario,
} from '../../../src/core/index.ts';

const base = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  parent: { source: 'pipeline main() {}' },
  children: [
    { name: 'alpha', source: 'pipeline main() {}' },
    { name: 'beta', source: 'pipeline main() {}' },
  ],
  ...extra,
});

const errorLines = (input: unknown): string[] => validateScenario(input).errors.map(formatScenarioError);

// Each row: what is wrong, a failing input, the first error line it must give, and the same input made valid.
const TABLE: [string, unknown, string, unknown][] = [
  ['a non-object', [], 'expected a scenario object', base()],
  [
    'a missing version',
    { parent: { source: '' } },
    'version: missing: expected 1',
    { version: 1, parent: { source: '' } },
  ],
  [
    'a newer version',
    { version: 3, parent: { source: '' } },
    'version: this scenario was made by a newer Harn Scope Lab (version 3); this one reads versions up to 1',
    { version: 1, parent: { source: '' } },
  ],
  [
    'a missing parent source',
    { version: 1, parent: {} },
    'parent.source: missing: expected a string',
    { version: 1, parent: { source: '' } },
  ],
  [
    'a ceiling level that is not a string',
    base({
      children: [
        { name: 'a', source: '' },
        { name: 'b', source: '', ceiling: { side_effect_level: 42 } },
      ],
    }),
    'children[1].ceiling.side_effect_level: invalid type: integer `42`, expected a string or null',
    base({
      children: [
        { name: 'a', source: '' },
        { name: 'b', source: '', ceiling: { side_effect_level: null } },
      ],
    }),
  ],
  [
    'a child name that is not an identifier',
    base({ children: [{ name: 'my child', source: '' }] }),
    'children[0].name: expected an identifier: a letter or "_", then letters, digits or "_", at most 64 characters, got "my child"',
    base({ children: [{ name: 'my_child', source: '' }] }),
  ],
  [
    'duplicate child names',
    base({
      children: [
        { name: 'a', source: '' },
        { name: 'a', source: '' },
      ],
    }),
    'children[1].name: "a" is already the name of children[0]; child names must be unique',
    base({
      children: [
        { name: 'a', source: '' },
        { name: 'b', source: '' },
      ],
    }),
  ],
  [
    'a child named like the parent',
    base({ children: [{ name: 'parent', source: '' }] }),
    `children[0].name: "parent" is already the parent's name; task names must be unique`,
    base({ parent: { name: 'boss', source: '' }, children: [{ name: 'parent', source: '' }] }),
  ],
  [
    'an unknown mode',
    base({ run: { mode: 'fast' } }),
    'run.mode: expected "scoped", "unscoped" or "naive", got "fast"',
    base({ run: { mode: 'naive' } }),
  ],
  [
    'a negative latency',
    base({ run: { latency: { llm: -1 } } }),
    'run.latency.llm: expected a whole number of logical ticks from 0 to 1,000,000, got -1',
    base({ run: { latency: { llm: 0 } } }),
  ],
  [
    'a NaN latency',
    base({ run: { latency: { default: NaN } } }),
    'run.latency.default: expected a whole number of logical ticks from 0 to 1,000,000, got NaN',
    base({ run: { latency: { default: 7 } } }),
  ],
  [
    'an unknown await kind in latency',
    base({ run: { latency: { disk: 2 } } }),
    'run.latency.disk: unknown field (known fields: llm, net, spawn, tool, host, sleep, yield, default)',
    base({ run: { latency: { host: 2 } } }),
  ],
  [
    'maxSteps of 0',
    base({ run: { maxSteps: 0 } }),
    'run.maxSteps: expected an integer from 1 to 10,000,000, got 0',
    base({ run: { maxSteps: 1 } }),
  ],
  [
    'maxSteps past ten million',
    base({ run: { maxSteps: 10_000_001 } }),
    'run.maxSteps: expected an integer from 1 to 10,000,000, got 10000001',
    base({ run: { maxSteps: 10_000_000 } }),
  ],
  [
    'a pick that names no task',
    base({ run: { schedule: { kind: 'picks', picks: ['alpha', 'gamma'] } } }),
    'run.schedule.picks[1]: "gamma" names no task (tasks: parent, alpha, beta)',
    base({ run: { schedule: { kind: 'picks', picks: ['alpha', 'parent'] } } }),
  ],
  [
    'an unknown schedule kind',
    base({ run: { schedule: { kind: 'lifo' } } }),
    'run.schedule.kind: expected "fifo", "random" or "picks", got "lifo"',
    base({ run: { schedule: { kind: 'fifo' } } }),
  ],
  [
    'a random schedule without a seed',
    base({ run: { schedule: { kind: 'random' } } }),
    'run.schedule.seed: missing: expected an unsigned 32-bit integer (0 to 4,294,967,295)',
    base({ run: { schedule: { kind: 'random', seed: 0 } } }),
  ],
  [
    'a fractional seed',
    base({ run: { schedule: { kind: 'random', seed: 1.5 } } }),
    'run.schedule.seed: expected an unsigned 32-bit integer (0 to 4,294,967,295), got 1.5',
    base({ run: { schedule: { kind: 'random', seed: 4_294_967_295 } } }),
  ],
  [
    'an unknown slot in captured',
    base({ run: { captured: ['VM_EXECUTION_CONTEXT', 'NOT_A_SLOT'] } }),
    'run.captured[1]: unknown slot name "NOT_A_SLOT" (slot names are the 28 names of the ambient catalog, e.g. VM_EXECUTION_CONTEXT)',
    base({ run: { captured: ['VM_EXECUTION_CONTEXT', 'CURRENT_MUTATION_SESSION'] } }),
  ],
  [
    'a slot in the wrong case',
    base({ run: { captured: ['vm_source_dir'] } }),
    'run.captured[0]: unknown slot name "vm_source_dir"; did you mean VM_SOURCE_DIR?',
    base({ run: { captured: ['VM_SOURCE_DIR'] } }),
  ],
  [
    'a slot listed twice',
    base({ run: { captured: ['VM_SOURCE_DIR', 'VM_SOURCE_DIR'] } }),
    'run.captured[1]: "VM_SOURCE_DIR" is listed twice (also run.captured[0])',
    base({ run: { captured: [] } }),
  ],
  [
    'a source over the size limit',
    base({ children: [{ name: 'big', source: 'x'.repeat(200_001) }] }),
    'children[0].source: too long: 200,001 characters, the limit is 200,000 per program',
    base({ children: [{ name: 'big', source: 'x'.repeat(200_000) }] }),
  ],
  [
    'too many children',
    base({ children: Array.from({ length: 9 }, (_, i) => ({ name: `c${i}`, source: '' })) }),
    'children: too many children: 9, the limit is 8',
    base({ children: Array.from({ length: 8 }, (_, i) => ({ name: `c${i}`, source: '' })) }),
  ],
  [
    'a grant that is not a list of objects',
    base({ parent: { source: '', grant: ['fs:read'] } }),
    'parent.grant[0]: expected an effect record object, got "fs:read"',
    base({ parent: { source: '', grant: [{ kind: 'whatever the analysis says' }] } }),
  ],
  [
    'ops that are not a list',
    base({ children: [{ name: 'a', source: '', ceiling: { capabilities: { workspace: 'read_text' } } }] }),
    'children[0].ceiling.capabilities.workspace: invalid type: string "read_text", expected a sequence of op names (strings)',
    base({ children: [{ name: 'a', source: '', ceiling: { capabilities: { workspace: ['read_text'] } } }] }),
  ],
  [
    'a misspelt field',
    base({ children: [{ name: 'a', source: '', ceilng: null }] }),
    'children[0].ceilng: unknown field (known fields: name, source, ceiling)',
    base({ children: [{ name: 'a', source: '', ceiling: null }] }),
  ],
  [
    'a tab that names no task',
    base({ view: { tab: 'gamma' } }),
    'view.tab: "gamma" names no task (tasks: parent, alpha, beta)',
    base({ view: { tab: 'beta' } }),
  ],
  [
    'a step past maxSteps',
    base({ run: { maxSteps: 10 }, view: { step: 11 } }),
    'view.step: step 11 is past run.maxSteps (10)',
    base({ run: { maxSteps: 10 }, view: { step: 10 } }),
  ],
  [
    'enforceAtSpawn as a string',
    base({ run: { enforceAtSpawn: 'yes' } }),
    'run.enforceAtSpawn: expected true or false, got "yes"',
    base({ run: { enforceAtSpawn: false } }),
  ],
];

describe('validateScenario', () => {
  it.each(TABLE)(
    'rejects %s with a field-precise error, and accepts the fixed input',
    (_what, bad, line, good) => {
      const result = validateScenario(bad);
      expect(result.value).toBeNull();
      expect(result.errors.map(formatScenarioError)[0]).toContain(line);
      expect(errorLines(good)).toEqual([]);
      expect(validateScenario(good).value).not.toBeNull();
    },
  );

  it('reports every problem of an input at once, shape and cross-field alike', () => {
    const lines = errorLines(
      base({
        children: [
          { name: 'a', source: 5 },
          { name: 'a', source: '' },
        ],
        run: { mode: 'x', schedule: { kind: 'picks', picks: ['zed'] } },
      }),
    );
    expect(lines).toEqual([
      'children[0].source: expected a string (the program text), got 5',
      'run.mode: expected "scoped", "unscoped" or "naive", got "x"',
      'children[1].name: "a" is already the name of children[0]; child names must be unique',
      'run.schedule.picks[0]: "zed" names no task (tasks: parent, a)',
    ]);
  });

  it('caps the number of errors for a hostile input', () => {
    const picks = Array.from({ length: 500 }, () => 'nobody');
    const errors = validateScenario(base({ run: { schedule: { kind: 'picks', picks } } })).errors;
    expect(errors).toHaveLength(SCENARIO_LIMITS.MAX_SCENARIO_ERRORS + 1);
    expect(errors.at(-1)?.message).toBe('450 more errors not shown');
  });

  it('keeps a "__proto__" capability as data instead of dropping it or changing a prototype', () => {
    const input = JSON.parse(
      '{"version":1,"parent":{"source":""},"children":[{"name":"a","source":"","ceiling":{"capabilities":{"__proto__":["x"]}}}]}',
    );
    const ceiling = validateScenario(input).value?.children[0]?.ceiling;
    // A null-prototype map: "__proto__" is an ordinary capability name.
    expect(Object.getPrototypeOf(ceiling?.capabilities)).toBeNull();
    expect(Object.entries(ceiling?.capabilities ?? {})).toEqual([['__proto__', ['x']]]);
  });

  it('reports an unknown "__proto__" field instead of ignoring it', () => {
    const input = JSON.parse('{"version":1,"parent":{"source":"","__proto__":{}}}');
    expect(errorLines(input)).toEqual([
      'parent.__proto__: unknown field (known fields: name, source, grant)',
    ]);
  });

  it('never throws, whatever it is given', () => {
    const hostile = {
      version: 1,
      get parent(): never {
        throw new Error('getter');
      },
    };
    // Each with the paths of its errors: a Map and a bigint version also miss the parent.
    for (const [input, paths] of [
      [undefined, ['']],
      [null, ['']],
      [0, ['']],
      ['x', ['']],
      [Symbol('s'), ['']],
      [() => 1, ['']],
      [new Map(), ['version', 'parent']],
      [hostile, ['']],
      [{ version: 1n }, ['version', 'parent']],
    ] as const) {
      const result = validateScenario(input);
      expect(result.value).toBeNull();
      expect(result.errors.map((e) => e.path)).toEqual(paths);
    }
  });

  it('accepts every slot name of the catalog in captured', () => {
    expect(errorLines(base({ run: { captured: [...AMBIENT_SLOT_NAMES] } }))).toEqual([]);
  });
});

describe('loadScenario', () => {
  it('validates current-version input like validateScenario', () => {
    expect(loadScenario(base())).toEqual(validateScenario(base()));
  });

  it('refuses an older version when no migration reaches the current one', () => {
    expect(loadScenario({ version: 0, parent: { source: '' } }).errors.map(formatScenarioError)).toEqual([
      'version: version 0 scenarios cannot be opened: there is no migration from version 0 to 1',
    ]);
  });
});

describe('formatScenarioPath', () => {
  it('prints indices in brackets, identifiers after dots and other keys quoted', () => {
    expect(formatScenarioPath(['children', 1, 'ceiling', 'capabilities', 'my cap', 0])).toBe(
      'children[1].ceiling.capabilities["my cap"][0]',
    );
    expect(formatScenarioPath([])).toBe('');
  });
});

describe('view.layout', () => {
  it('accepts "lesson" and "policy", normalizes "lesson" (the default) away, and names a bad value', async () => {
    const { loadScenario, encodeLink, decodeLink } = await import('../../../src/core/index.ts');
    const base = { version: 1, parent: { source: 'pipeline main() {}' } };
    expect(loadScenario({ ...base, view: { layout: 'policy' } }).value?.view.layout).toBe('policy');
    expect(loadScenario({ ...base, view: { layout: 'lesson' } }).value?.view).toEqual({ step: 0, tab: null });
    expect(encodeLink(loadScenario({ ...base, view: { layout: 'lesson' } }).value!)).toBe(encodeLink(loadScenario(base).value!));
    expect(decodeLink(encodeLink(loadScenario({ ...base, view: { layout: 'policy' } }).value!)).value?.view.layout).toBe('policy');
    const bad = loadScenario({ ...base, view: { layout: 'slides' } });
    expect(bad.value).toBeNull();
    expect(bad.errors[0]).toMatchObject({ path: 'view.layout' });
    expect(bad.errors[0]?.message).toMatch(/"lesson" or "policy"/);
  });
});
