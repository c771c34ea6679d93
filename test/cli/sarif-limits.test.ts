// SARIF within code scanning's documented limits ("SARIF support for code scanning" on docs.github.com): a log over
// any of them is rejected whole. Rule descriptions ≤ 1,024 characters, at most 25,000 results per run (the most
// severe kept, the rest said in a notification, never silently), one location per result, one run, few rules.
// And a scenario's findings are placed in the scenario file, in SARIF and in the github format alike.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, ruleHelp, type DiagnosticCode } from '../../src/core/index.ts';
import { formatResults, SARIF_LIMITS } from '../../src/cli/check/formats.ts';
import type { InputResult, PlacedFinding } from '../../src/cli/check/results.ts';
import { cliIn } from '../helpers/cli.ts';

const cli = cliIn(resolve(import.meta.dirname, '../..'));

interface Log {
  runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string } }[] } }; results: { level: string; locations: unknown[] }[]; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[];
}

function input(findings: PlacedFinding[]): InputResult {
  return { input: 'big.json', failOn: 'error', kind: 'scenario', errors: [], children: [], findings, isolation: null, goal: null };
}

const finding = (i: number, severity: PlacedFinding['severity']): PlacedFinding => ({ code: severity === 'error' ? 'S554' : 'L405', severity, message: `finding ${i}`, file: 'big.json', line: 1 + i, column: 1, notes: [] });

describe("SARIF within code scanning's documented limits", () => {
  it('every rule description is at most 1,024 characters (shortDescription and fullDescription)', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) {
      const help = ruleHelp(code);
      expect(help.summary.length, code).toBeLessThanOrEqual(SARIF_LIMITS.descriptionChars);
      expect(help.full.length, code).toBeLessThanOrEqual(SARIF_LIMITS.descriptionChars);
    }
    expect(Object.keys(DIAGNOSTIC_CODES).length).toBeLessThanOrEqual(SARIF_LIMITS.rulesPerRun);
  });

  it('a run over 25,000 results keeps the most severe 25,000 and says how many it left out', () => {
    const findings = [...Array.from({ length: SARIF_LIMITS.resultsPerRun }, (_, i) => finding(i, 'warning')), ...Array.from({ length: 10 }, (_, i) => finding(i, 'error'))];
    const log = JSON.parse(formatResults([input(findings)], 'sarif')) as Log;
    expect(log.runs.length).toBeLessThanOrEqual(SARIF_LIMITS.runsPerFile);
    const run = log.runs[0]!;
    expect(run.results.length).toBe(SARIF_LIMITS.resultsPerRun);
    expect(run.results.filter((r) => r.level === 'error').length).toBe(10);
    expect(run.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text)).toContain(
      '10 less severe result(s) left out: code scanning rejects a run with more than 25,000 results (the text and json formats list them all)',
    );
    for (const r of run.results) expect(r.locations.length).toBeLessThanOrEqual(SARIF_LIMITS.locationsPerResult);
  });

  it('a run within the limit keeps every result and adds no notification', () => {
    const log = JSON.parse(formatResults([input([finding(0, 'warning'), finding(1, 'error')])], 'sarif')) as Log;
    expect(log.runs[0]!.results.length).toBe(2);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications).toEqual([]);
  });
});

describe("a scenario's findings in the scenario file", () => {
  it('SARIF and github place a violation in an inline program at its call in the scenario file', async () => {
    const file = 'examples/escalation.json';
    const sarif = JSON.parse((await cli('check', file, '--format', 'sarif')).stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const loc = sarif.runs[0]!.results.find((r) => r.ruleId === 'HARN-CAP-301')!.locations[0]!.physicalLocation;
    expect(loc.artifactLocation.uri).toBe(file);
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8').split('\n');
    expect(lines[loc.region.startLine - 1]!.slice(loc.region.startColumn - 1)).toMatch(/^http_post\(/);
    const github = (await cli('check', file, '--format', 'github')).stdout;
    expect(github).toContain(`::error file=${file},line=${loc.region.startLine},col=${loc.region.startColumn},title=HARN-CAP-301::`);
    // The text and json formats keep the place in the program itself (the line a reader of the source sees).
    expect((await cli('check', file)).stdout).toContain(`${file}#children/beta:3:3: error HARN-CAP-301`);
  });
});
