// The editor's static data agrees with core: the Monarch keyword list covers core's keywords, and every
// completion's effect label is the one the analysis gives that call.
import { describe, expect, it } from 'vitest';
import { builtinEffect, effectRecordSummary, HARN_KEYWORDS } from '../../../src/core/index.ts';
import { BUILTIN_COMPLETIONS, completionContext } from '../../../src/ui/editor/completions.ts';
import { HARN_KEYWORD_LIST } from '../../../src/ui/editor/harnLanguage.ts';
import { escapeMarkdown } from '../../../src/ui/editor/hoverContent.ts';

describe('editor data', () => {
  it('highlights every keyword the parser reserves', () => {
    expect(HARN_KEYWORDS.filter((k) => !HARN_KEYWORD_LIST.includes(k))).toEqual([]);
  });

  it.each(BUILTIN_COMPLETIONS.filter((c) => /^[a-z]+:[a-z]+$/.test(c.detail)).map((c) => [c.name, c.detail]))('completion %s is labelled %s as in the analysis', (name, detail) => {
    const effect = builtinEffect(name);
    expect(effect && effectRecordSummary(effect)).toBe(detail);
  });

  it.each([
    ['  let x = harness.', { kind: 'harness-sub' }],
    ['harness.fs.wr', { kind: 'harness-method', sub: 'fs' }],
    ['harness?.net.', { kind: 'harness-method', sub: 'net' }],
    ['  read_', { kind: 'identifier' }],
  ])('completes %j as %j', (prefix, context) => {
    expect(completionContext(prefix)).toEqual(context);
  });

  it('escapes Markdown in hover text', () => {
    expect(escapeMarkdown('fs:write (a_b*.txt)')).toBe('fs\\:write \\(a\\_b\\*\\.txt\\)');
    // No bare scheme left for the renderer to turn into a link.
    expect(escapeMarkdown('net:write (https://example.test/a)')).toBe('net\\:write \\(https\\://example\\.test/a\\)');
  });
});
