// The output formats of `harn-scope check`: text, json (one object per input), SARIF 2.1.0 (one log, rule ids =
// the diagnostic codes, one result per finding), GitHub workflow annotations and JUnit XML. Each reads the same
// InputResult list; none computes anything. Every user string goes through core's escaping function of its format.
import {
  DIAGNOSTIC_CODES,
  escapeGithubData as ghData,
  escapeGithubProperty as ghProperty,
  escapeJsonText,
  escapeText,
  escapeXml as xml,
  ruleAnchor,
  ruleHelp,
  type DiagnosticCode,
} from '../../core/index.ts';
import { coverageText } from './coverage.ts';
import type { FileFix } from './fixes.ts';
import { allFindings, exitCodeOf, severityCounts, type InputResult, type PlacedFinding } from './results.ts';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type CheckFormat = (typeof FORMATS)[number];

const findingLine = (f: PlacedFinding) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`;
const findingText = (f: PlacedFinding) => `${escapeText(f.file)}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${escapeText(f.message)}`;

function text(results: readonly InputResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const findings = allFindings(r);
    const counts = severityCounts(r);
    const bad = r.errors.length + r.children.filter((c) => c.error !== null).length;
    lines.push(`${escapeText(r.input)}: ${r.children.length} child(ren), ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info${bad > 0 ? `, ${bad} bad input(s)` : ''}`);
    for (const e of r.errors) lines.push(`  bad input: ${escapeText(e)}`);
    for (const c of r.children) {
      if (c.error !== null) lines.push(`  ${escapeText(c.name)}: bad input: ${escapeText(c.error)}`);
      else if (!c.analyzed) lines.push(`  ${escapeText(c.name)}: effects unknown: not analyzed (the input has errors, above)`);
      else lines.push(`  ${escapeText(c.name)}: ${c.parsed ? `${c.effects.length} effect(s), ${c.violations.length} violation(s), ${c.unseen.length} unseen` : 'effects unknown: does not parse'}`);
    }
    if (r.goal) lines.push(`  goal: ${r.goal.badge}: ${escapeText(r.goal.title)}`);
    for (const f of findings) lines.push(`  ${findingText(f)}`);
    if (r.coverage) lines.push(...coverageText(r.coverage).map((line) => escapeText(line)));
  }
  lines.push(...goalTable(results));
  return lines.join('\n') + '\n';
}

// A class's links: which met their goal, one line each, after the inputs (only when some input has a goal).
function goalTable(results: readonly InputResult[]): string[] {
  const withGoal = results.filter((r) => r.goal !== null);
  if (withGoal.length === 0) return [];
  const met = withGoal.filter((r) => r.goal!.status === 'met').length;
  return [`goals: ${met} of ${withGoal.length} met`, ...withGoal.map((r) => `  ${r.goal!.status === 'met' ? '✔ met    ' : '✖ not yet'}  ${escapeText(r.input)}`)];
}

function json(results: readonly InputResult[]): string {
  return results.map((r) => JSON.stringify({ ...r, counts: severityCounts(r), exit: exitCodeOf(r) })).join('\n') + '\n';
}

function sarifFix(fix: FileFix) {
  return {
    description: { text: escapeJsonText(fix.description) },
    artifactChanges: [
      {
        artifactLocation: { uri: encodeURI(escapeJsonText(fix.file)) },
        replacements: fix.edits.map((e) => ({
          deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: escapeJsonText(e.text) },
        })),
      },
    ],
  };
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Where this project's repository is browsed (`--docs-url`): rules link to docs/rules.md there. */
export interface FormatOptions {
  docsUrl: string | null;
}

/** Code scanning's documented limits on an uploaded SARIF file ("SARIF support for code scanning", docs.github.com):
 * a file over them is rejected whole, so the log is kept within them. */
export const SARIF_LIMITS = {
  /** Results per run: more and the upload is rejected (only the 5,000 most severe are shown anyway). */
  resultsPerRun: 25_000,
  /** Rules per run. */
  rulesPerRun: 25_000,
  /** `shortDescription.text` and `fullDescription.text` of a rule, in characters. */
  descriptionChars: 1024,
  /** Locations per result (only the first is used). */
  locationsPerResult: 10,
  /** Runs per file. */
  runsPerFile: 20,
} as const;

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The findings a run may carry: all of them, or the most severe `SARIF_LIMITS.resultsPerRun` (said, never silent). */
function sarifFindings(results: readonly InputResult[]): { kept: { finding: PlacedFinding; result: InputResult }[]; left: number } {
  const all = results.flatMap((result) => allFindings(result).map((finding) => ({ finding, result })));
  if (all.length <= SARIF_LIMITS.resultsPerRun) return { kept: all, left: 0 };
  const kept = all
    .map((item, index) => ({ item, index }))
    .sort((a, b) => SEVERITY_RANK[a.item.finding.severity] - SEVERITY_RANK[b.item.finding.severity] || a.index - b.index)
    .slice(0, SARIF_LIMITS.resultsPerRun)
    .sort((a, b) => a.index - b.index)
    .map(({ item }) => item);
  return { kept, left: all.length - kept.length };
}

function sarif(results: readonly InputResult[], options: FormatOptions): string {
  const { kept, left } = sarifFindings(results);
  const findings = kept.map((k) => k.finding);
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const base = options.docsUrl === null ? null : options.docsUrl.replace(/\/?$/, '/');
  const rules = codes.map((code) => {
    const help = ruleHelp(code as DiagnosticCode);
    return {
      id: code,
      shortDescription: { text: help.summary },
      fullDescription: { text: help.full },
      help: { text: help.text, markdown: help.markdown },
      ...(base === null ? {} : { helpUri: `${base}docs/rules.md#${ruleAnchor(code as DiagnosticCode)}` }),
      defaultConfiguration: { level: SARIF_LEVEL[DIAGNOSTIC_CODES[code as DiagnosticCode].severity] },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'harn-scope', ...(base === null ? {} : { informationUri: base }), rules } },
        results: kept.map(({ finding: f, result }) => {
          const at = result.inFile?.(f) ?? f;
          return {
            ruleId: f.code,
            ruleIndex: codes.indexOf(f.code),
            level: SARIF_LEVEL[f.severity],
            message: { text: escapeJsonText(f.notes.length > 0 ? `${f.message} (${f.notes.join('; ')})` : f.message) },
            locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(escapeJsonText(at.file)) }, region: { startLine: at.line, startColumn: at.column } } }],
            ...(f.fix ? { fixes: [sarifFix(f.fix)] } : {}),
          };
        }),
        invocations: [
          {
            executionSuccessful: results.every((r) => exitCodeOf(r) !== 2),
            toolExecutionNotifications: [
              ...results.flatMap((r) =>
                [...r.errors, ...r.children.flatMap((c) => (c.error === null ? [] : [c.error]))].map((message) => ({ level: 'error', message: { text: escapeJsonText(`${r.input}: ${message}`) } })),
              ),
              ...(left > 0
                ? [{ level: 'warning', message: { text: `${left} less severe result(s) left out: code scanning rejects a run with more than ${SARIF_LIMITS.resultsPerRun.toLocaleString('en-US')} results (the text and json formats list them all)` } }]
                : []),
            ],
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function github(results: readonly InputResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    // A bad input is annotated on the file it is about: the input itself, or the child's program file.
    const bad = [...r.errors.map((e) => ({ file: r.input, e })), ...r.children.flatMap((c) => (c.error === null ? [] : [{ file: c.file, e: c.error }]))];
    for (const { file, e } of bad) lines.push(`::error file=${ghProperty(file)},title=${ghProperty(`harn-scope: bad input ${r.input}`)}::${ghData(e)}`);
    for (const f of allFindings(r)) {
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const at = r.inFile?.(f) ?? f;
      lines.push(`::${command} file=${ghProperty(at.file)},line=${at.line},col=${at.column},title=${ghProperty(f.code)}::${ghData(f.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function junit(results: readonly InputResult[]): string {
  const suites = results.map((r) => {
    const cases: string[] = [];
    for (const e of r.errors) cases.push(`    <testcase classname="${xml(r.input)}" name="input"><error message="${xml(e)}"/></testcase>`);
    for (const c of r.children) {
      const failures = c.findings.filter((f) => f.severity === 'error');
      const body = c.error !== null ? `<error message="${xml(c.error)}"/>` : failures.map((f) => `<failure type="${f.code}" message="${xml(f.message)}">${xml(findingLine(f))}</failure>`).join('');
      cases.push(`    <testcase classname="${xml(r.input)}" name="${xml(c.name)}">${body}</testcase>`);
    }
    const run = r.findings.filter((f) => f.severity === 'error');
    if (run.length > 0 || r.isolation) cases.push(`    <testcase classname="${xml(r.input)}" name="run">${run.map((f) => `<failure type="${f.code}" message="${xml(f.message)}">${xml(findingLine(f))}</failure>`).join('')}</testcase>`);
    const failures = cases.filter((c) => c.includes('<failure')).length;
    const errors = cases.filter((c) => c.includes('<error')).length;
    return `  <testsuite name="${xml(r.input)}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="harn-scope check">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** The whole output of one `check` run in `format`. */
export function formatResults(results: readonly InputResult[], format: CheckFormat, options: FormatOptions = { docsUrl: null }): string {
  switch (format) {
    case 'json':
      return json(results);
    case 'sarif':
      return sarif(results, options);
    case 'github':
      return github(results);
    case 'junit':
      return junit(results);
    default:
      return text(results);
  }
}
