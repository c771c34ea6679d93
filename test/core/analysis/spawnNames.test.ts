// Which children the parent's code spawns by name, and the sentence for one it does not (issue 25): said only when
// the names decide it, never for a name the code computes or a group name that is none of the children's.
import { describe, expect, it } from 'vitest';
import { playgroundNote, playgroundSpawns, spawnNamesOf } from '../../../src/core/analysis/spawnNames.ts';
import { parse } from '../../../src/core/syntax/index.ts';

const names = (body: string) => spawnNamesOf(parse(`pipeline main() {\n${body}\n}`).program);
const why = (body: string, children: string[]) => playgroundSpawns('parent', names(body), children);

describe('the names the parent spawns', () => {
  it.each([
    ['parallel each ["alpha", "beta"] { name ->\n  spawn_agent(name)\n}', ['alpha', 'beta']],
    ['spawn_agent("alpha")\nspawn_agent("beta")', ['alpha', 'beta']],
    ['for worker in ["alpha", "gamma"] {\n  spawn_agent(worker)\n}', ['alpha', 'gamma']],
    ['spawn_agent("workers")', ['workers']],
    ['llm_call("plan")', []],
  ])('%s → %j', (body, expected) => {
    expect(names(body).names).toEqual(expected);
  });

  it.each([
    ['let who = "alpha"\nspawn_agent(who)'],
    ['parallel each workers() { name ->\n  spawn_agent(name)\n}'],
    ['spawn_agent({name: "alpha"})'],
    ['parallel 2 {\n  llm_call("x")\n}'],
    // The loop variable binds in the body only: the list's own `name` is another variable.
    ['parallel each [name] { name ->\n  spawn_agent(name)\n}'],
  ])('cannot read the names of %s', (body) => {
    expect(names(body).names).toBeNull();
  });
});

describe('a child the parent does not spawn', () => {
  it('is spawned by the playground when the code names other children', () => {
    const found = why('parallel each ["alpha", "beta"] { name ->\n  spawn_agent(name)\n}', ['alpha', 'beta', 'gamma']);
    expect(found).toEqual([null, null, 'parent\'s code spawns "alpha" and "beta", not "gamma"']);
    expect(playgroundNote('gamma', found[2]!)).toBe('gamma is spawned by the playground: parent\'s code spawns "alpha" and "beta", not "gamma".');
  });

  it('every child is, when the code has no spawn site', () => {
    expect(why('llm_call("plan")', ['alpha', 'beta'])).toEqual(["parent's code spawns no child", "parent's code spawns no child"]);
  });

  it('nothing is claimed when a name cannot be read or names none of the children', () => {
    expect(why('spawn_agent("workers")', ['alpha', 'beta'])).toEqual([null, null]);
    expect(why('let who = "alpha"\nspawn_agent(who)', ['alpha', 'beta'])).toEqual([null, null]);
    expect(why('parallel 2 {\n  llm_call("x")\n}', ['alpha'])).toEqual([null]);
  });

  it('quotes a name in the code as a literal with escapes', () => {
    expect(why('spawn_agent("alpha")\nspawn_agent("be\\u{202E}ta")', ['alpha', 'beta'])[1]).toBe('parent\'s code spawns "alpha" and "be\\u{202E}ta", not "beta"');
  });
});
