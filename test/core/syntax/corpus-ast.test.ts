// The AST of every corpus program, printed as S-expressions with spans, against a snapshot taken from the
// parser before the line-break rules of issue 17 changed it: a grammar change must leave accepted programs alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, printSExpr } from '../../../src/core/index.ts';
import { corpusRoot, listHarnFiles } from './corpus.ts';

const files = listHarnFiles(join(corpusRoot, 'harn'));

/** One section per file: `# path`, then its top-level items, one S-expression line each. */
function printCorpus(): string {
  const sections = files.map((file) => {
    const { program } = parse(readFileSync(join(corpusRoot, 'harn', file), 'utf8'));
    return `# ${file}\n${printSExpr(program, { spans: true })}\n`;
  });
  return sections.join('\n');
}

describe('corpus AST snapshot', () => {
  it('prints the same S-expression (with spans) for every corpus program', async () => {
    await expect(printCorpus()).toMatchFileSnapshot('./__snapshots__/corpus-ast.sexpr');
  });
});
