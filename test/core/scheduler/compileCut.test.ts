// The scheduler's compiler says where it stops (issue 24's Build: a limit that must stay is an error on the spot):
// a call of the program's own function past MAX_CALL_DEPTH is S559 at that call, and the run, the explorer and a
// goal say the run is incomplete, never clean.
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, evaluateGoal, explore, loadScenario, MAX_CALL_DEPTH, simulate, type Scenario } from '../../../src/core/index.ts';

const GRANT = [{ kind: { kind: 'fs' }, scope: 'write' }, { kind: { kind: 'spawn' }, scope: 'write' }];
const scenarioOf = (child: string): Scenario =>
  loadScenario({
    version: 1,
    parent: { source: 'pipeline main() {\n  spawn_agent("alpha")\n}', grant: GRANT },
    children: [{ name: 'alpha', source: child, ceiling: null }],
    run: { mode: 'scoped' },
  }).value!;

const RECURSIVE = 'fn walk(n) {\n  if n > 0 {\n    walk(n - 1)\n  }\n  write_file("out.txt", "x")\n}\npipeline main() {\n  walk(3)\n}';
const FLAT = 'fn walk(n) {\n  write_file("out.txt", "x")\n}\npipeline main() {\n  walk(3)\n}';

describe('the call-depth cut', () => {
  it('is an S559 error at the call it did not follow, and the run is not complete', () => {
    const scenario = scenarioOf(RECURSIVE);
    const run = simulate(scenario);
    const cut = run.diagnostics.filter((d) => d.diagnostic.code === 'S559');
    expect(cut).toHaveLength(1);
    expect(DIAGNOSTIC_CODES.S559.severity).toBe('error');
    expect(cut[0]!.task).toBe('alpha');
    const { span, message, severity } = cut[0]!.diagnostic;
    expect(severity).toBe('error');
    expect(scenario.children[0]!.source.slice(span.start, span.end)).toBe('walk(n - 1)');
    expect(message).toBe(
      `alpha's call of its own function walk is ${MAX_CALL_DEPTH + 1} calls deep (recursion, or a chain of calls): the scheduler's compiler follows calls of the program's own functions 8 deep and leaves out what deeper calls do, so the run is incomplete`,
    );
    expect(run.summary.status).toBe('finished');
    expect(run.summary.completed).toBe(false);
    expect(run.summary.message).toMatch(/^Incomplete: the scheduler's compiler cut the program of alpha \(S559, past the call depth\), so what follows the cut was not simulated\. Finished in /);
    expect(run.legend.map((entry) => entry.text)).toEqual(['no cross-wires (run incomplete)', 'no panics (run incomplete)', 'no leaks (run incomplete)']);
  });

  it('leaves a program without deep calls whole: no cut, complete', () => {
    const run = simulate(scenarioOf(FLAT));
    expect(run.diagnostics).toEqual([]);
    expect(run.summary.completed).toBe(true);
    expect(run.summary.cut).toBeUndefined();
    expect(run.summary.message).toMatch(/^Finished in /);
    expect(run.legend.map((entry) => entry.text)).toEqual(['no cross-wires', 'no panics', 'no leaks']);
  });

  it('makes the explorer incomplete and a clean-run goal unknown, never met', () => {
    const scenario = scenarioOf(RECURSIVE);
    const search = explore(scenario);
    expect(search.complete).toBe(false);
    expect(search.message).toMatch(/^Incomplete: .*every interleaving of the programs as compiled covered, which is not every behaviour of the programs: none fails\.$/);
    expect(explore(scenarioOf(FLAT)).complete).toBe(true);
    const verdict = evaluateGoal({ verb: 'make', all: [{ kind: 'clean' }], title: '', note: '', allow: ['sources'] }, simulate(scenario));
    expect(verdict.status).toBe('unknown');
    expect(verdict.message).toContain("the scheduler's compiler cut a program (S552, S559)");
  });
});
