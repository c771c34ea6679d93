// The seed-exact keys of `harn-scope effects --json` (`effects`, `parent_effects`, `violations`) over every corpus
// program, compared byte for byte with a snapshot taken before the unseen-effects analysis existed (issue 16,
// acceptance 5). Each file is analyzed three ways: alone, as a child clamped by a ceiling under a parent, and as the
// parent of a fixed child. Regenerate (only when the seed itself changes) with WRITE_SEED_SNAPSHOT=1.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { CORPUS_DIR as corpusDir, harnFiles } from '../helpers/corpus.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const snapshotPath = resolve(repoRoot, 'test/fixtures/golden/corpus-seed-effects.json');
const programs = resolve(repoRoot, 'examples/programs');

/** The seed-exact keys of one `effects --json` run as their JSON text, or the exit code and stderr on bad input. */
async function seedKeys(argv: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main(['effects', ...argv, '--json'], { cwd: programs, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  if (code === 2) return `exit 2: ${stderr.trim()}`;
  const out = JSON.parse(stdout) as Record<string, unknown>;
  return JSON.stringify({ effects: out.effects, parent_effects: out.parent_effects, violations: out.violations });
}

async function snapshotOf(file: string): Promise<string[]> {
  return [
    await seedKeys([file]),
    await seedKeys([file, '--parent', 'parent.harn', '--ceiling', 'ceiling.json']),
    await seedKeys(['child.harn', '--parent', file]),
  ];
}

describe('seed-exact effects over the corpus', () => {
  it('are byte-identical to the stored snapshot for every corpus program', async () => {
    const files = harnFiles(corpusDir);
    expect(files.length).toBeGreaterThan(400);
    const actual: Record<string, string[]> = {};
    for (const file of files) actual[relative(corpusDir, file)] = await snapshotOf(file);
    if (process.env.WRITE_SEED_SNAPSHOT === '1') writeFileSync(snapshotPath, JSON.stringify(actual, null, 1) + '\n');
    const stored = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Record<string, string[]>;
    expect(Object.keys(actual)).toEqual(Object.keys(stored));
    for (const [name, runs] of Object.entries(stored)) expect(actual[name], name).toEqual(runs);
  }, 120_000);
});
