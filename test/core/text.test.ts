// Honest text (issue "Hardening"): hidden characters become visible escapes wherever core hands text to a person,
// and data keeps them as they are.
import { describe, expect, it } from 'vitest';
import {
  analysisView,
  analyzeScenario,
  effectToValue,
  hasHiddenCharacters,
  hiddenCharacterDiagnostics,
  loadScenario,
  scenarioHovers,
  shownText,
  simulate,
  visibleText,
} from '../../src/core/index.ts';

const RLO = '\u202E';

describe('visibleText', () => {
  it.each([
    ['summary.txt', 'summary.txt'],
    [`txt.${RLO}summary`, 'txt.\\u{202E}summary'],
    ['notes\u200B.txt', 'notes\\u{200B}.txt'],
    ['a\u2066b\u2069', 'a\\u{2066}b\\u{2069}'],
    ['\u{E0041}tag', '\\u{E0041}tag'],
    ['bell\u0007', 'bell\\u{0007}'],
    ['\uFEFFbom', '\\u{FEFF}bom'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['émoji 😀 and 中文', 'émoji 😀 and 中文'],
  ])('%j → %j', (text, shown) => {
    expect(visibleText(text)).toBe(shown);
    expect(hasHiddenCharacters(text)).toBe(text !== shown);
  });

  it('cuts long text with a count of what was left out', () => {
    expect(shownText('x'.repeat(250), 240)).toBe(`${'x'.repeat(240)}… (10 more characters)`);
    expect(shownText('short')).toBe('short');
  });
});

describe('H106', () => {
  it('warns at each hidden character of a source, and not at CRLF line ends', () => {
    const source = `pipeline main() {\r\n  write_file("txt.${RLO}gnp", "x")\r\n}\r\n`;
    const [warning, ...rest] = hiddenCharacterDiagnostics(source);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'H106', severity: 'warning', span: { start: source.indexOf(RLO), end: source.indexOf(RLO) + 1 } });
    expect(warning!.message).toMatch(/^This source holds \\u\{202E\} \(RIGHT-TO-LEFT OVERRIDE\)/);
  });

  it('lists at most the limit and says how many more', () => {
    const diagnostics = hiddenCharacterDiagnostics('\u200B'.repeat(25), 20);
    expect(diagnostics).toHaveLength(20);
    expect(diagnostics[19]!.notes).toEqual(['5 more hidden characters in this source are not listed']);
  });
});

describe('a resource with U+202E', () => {
  const scenario = loadScenario({
    version: 1,
    parent: { source: 'pipeline main() {\n  spawn_agent("a")\n}\n' },
    children: [{ name: 'alpha', source: `pipeline main() {\n  write_file("txt.${RLO}gnp", "x")\n}\n` }],
    run: { mode: 'unscoped' },
  }).value!;

  it('is escaped in the ledger, its diagnostics and hovers, and kept as is in the effect data', () => {
    const analysis = analyzeScenario(scenario);
    const view = analysisView(scenario, analysis);
    const child = view.children[0]!;
    expect(child.requested.map((r) => r.summary)).toEqual(['fs:write (txt.\\u{202E}gnp)']);
    expect(child.violations[0]!.detail).toContain('txt.\\u{202E}gnp');
    expect(child.diagnostics.map((d) => d.code)).toContain('H106');
    for (const d of child.diagnostics) expect(d.message).not.toContain(RLO);
    for (const hover of scenarioHovers(scenario, analysis, 'alpha'))
      for (const e of hover.effects) expect(`${e.summary} ${e.ceiling.reason} ${e.parent.reason}`).not.toContain(RLO);
    expect(effectToValue(analysis.children[0]!.requested[0]!.effect).resource).toBe(`txt.${RLO}gnp`);
  });

  it('is escaped in every step of the trace', () => {
    const result = simulate(scenario);
    const text = JSON.stringify(result.steps);
    expect(text).not.toContain(RLO);
    expect(text).toContain(JSON.stringify('txt.\\u{202E}gnp').slice(1, -1));
  });
});

describe('lookalike names (issue 24)', () => {
  it('names each non-ASCII letter of a capability or op by its code point, and leaves ASCII alone', async () => {
    const { shownName, parseCeiling, lintCeiling, ceilingDropReason, effectRecord } = await import('../../src/core/index.ts');
    expect(shownName('write_text')).toBe('write_text');
    expect(shownName('wrіte_text')).toBe('wrіte_text (і U+0456)');
    expect(shownName('wоrkspаce')).toBe('wоrkspаce (о U+043E, а U+0430)');
    const ceiling = parseCeiling('{"capabilities": {"workspace": ["wrіte_text"]}}').value!;
    expect(lintCeiling(ceiling).map((l) => l.message).join('\n')).toContain('op "wrіte_text (і U+0456)"');
    expect(ceilingDropReason(effectRecord({ kind: 'fs' }, 'write'), ceiling)!.reason).toContain('workspace.wrіte_text (і U+0456)');
  });
});
