// The inputs of `harn-scope check`: a scenario file or share link (programs inline), or a `harn-scope.json` config
// that names program files (and optionally grant / ceiling files) relative to itself. Every problem is reported per
// input — and a program file that cannot be read, per child — never by aborting the others.
import { dirname, relative, resolve } from 'node:path';
import { grantFromValue, loadScenario, nearestName, parseCeiling, type Scenario } from '../../core/index.ts';
import { CliError, readText, type CommandContext } from '../io.ts';
import { isLinkArgument, readScenarioInput } from '../scenario-input.ts';

/** One child as the gate checks it: its name, the file its line:column refer to, and its source (or why not). */
export interface CheckChild {
  name: string;
  /** The file a finding's line:column is in: the program file, or `SCENARIO#children/NAME` for an inline source. */
  file: string;
  error: string | null;
}

export interface CheckInput {
  input: string;
  kind: 'scenario' | 'config';
  /** The scenario to analyze (children whose file could not be read left out), or null when the input is bad. */
  scenario: Scenario | null;
  /** Problems with the input itself (unreadable, invalid JSON, schema or config errors). */
  errors: string[];
  /** Every child the input names, including those that could not be read. */
  children: CheckChild[];
  /** The file the parent's positions refer to. */
  parentFile: string;
  /** Where each policy is written (its own file, or the config or scenario holding it inline), with that file's
   * text: fixes are edits there, and policy findings are placed there. Absent for a share link. */
  policyFiles?: PolicyFiles;
}

/** A file that holds a policy: its path as shown, its text, and whether the policy is the whole file. */
export interface PolicyFile {
  file: string;
  text: string;
  whole: boolean;
}

export interface PolicyFiles {
  grant: PolicyFile | null;
  ceilings: Record<string, PolicyFile>;
}

const CONFIG_FIELDS = ['parent', 'children', 'run'] as const;
const PROGRAM_FIELDS = { parent: ['name', 'file', 'grant'], child: ['name', 'file', 'ceiling'] } as const;

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownKeys(value: Record<string, unknown>, known: readonly string[], path: string): string[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const near = nearestName(key, known);
      return `${path}${key}: unknown field${near ? `; did you mean ${near}?` : ` (known: ${known.join(', ')})`}`;
    });
}

/** True when `raw` names program files (a harn-scope.json config) rather than holding sources (a scenario). */
function isConfig(path: string, raw: unknown): boolean {
  if (/(^|[/\\])([\w.-]*\.)?harn-scope\.json$/.test(path)) return true;
  return isMap(raw) && isMap(raw.parent) && 'file' in raw.parent;
}

function parseJsonInput(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new CliError(`not valid JSON: ${(error as Error).message}`);
  }
}

/** A grant or ceiling given inline or as a path (relative to the config); errors name the field. */
function policyValue(value: unknown, base: string, ctx: CommandContext, field: string, errors: string[], read?: (text: string) => void): unknown {
  if (typeof value !== 'string') return value;
  try {
    const text = readText(resolve(base, value), ctx.cwd);
    read?.(text);
    if (field.endsWith('grant')) {
      const grant = grantFromValue(parseJsonInput(text));
      if (grant.errors[0]) errors.push(`${field} (${value}): ${grant.errors[0].path ? `${grant.errors[0].path}: ` : ''}${grant.errors[0].message}`);
      return grant.value;
    }
    const ceiling = parseCeiling(text);
    if (ceiling.errors[0]) errors.push(`${field} (${value}): ${ceiling.errors[0].path ? `${ceiling.errors[0].path}: ` : ''}${ceiling.errors[0].message}`);
    return ceiling.value;
  } catch (error) {
    errors.push(`${field}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function loadConfig(input: string, raw: unknown, ctx: CommandContext, configText: string): CheckInput {
  const base = dirname(resolve(ctx.cwd, input));
  const shown = (file: string) => relative(ctx.cwd, resolve(base, file)) || file;
  const out: CheckInput = { input, kind: 'config', scenario: null, errors: [], children: [], parentFile: input };
  const inConfig: PolicyFile = { file: input, text: configText, whole: false };
  const policyFiles: PolicyFiles = { grant: inConfig, ceilings: Object.create(null) as Record<string, PolicyFile> };
  out.policyFiles = policyFiles;
  if (!isMap(raw)) return { ...out, errors: ['expected a config object {"parent": {"file": …}, "children": [{"name", "file"}, …]}'] };
  out.errors.push(...unknownKeys(raw, CONFIG_FIELDS, ''));
  const parent = isMap(raw.parent) ? raw.parent : null;
  if (!parent) out.errors.push('parent: missing: expected {"file": "parent.harn", "grant"?: …}');
  else out.errors.push(...unknownKeys(parent, PROGRAM_FIELDS.parent, 'parent.'));
  if (!Array.isArray(raw.children)) out.errors.push('children: expected a list of {"name", "file", "ceiling"?}');
  let parentSource = '';
  if (parent && typeof parent.file !== 'string') out.errors.push('parent.file: expected a path (a string)');
  else if (parent) {
    out.parentFile = shown(parent.file as string);
    try {
      parentSource = readText(resolve(base, parent.file as string), ctx.cwd);
    } catch (error) {
      out.errors.push(`parent.file: ${(error as Error).message}`);
    }
  }
  const grant = parent && parent.grant !== undefined && parent.grant !== null ? policyValue(parent.grant, base, ctx, 'parent.grant', out.errors, (text) => {
    policyFiles.grant = { file: shown(parent.grant as string), text, whole: true };
  }) : null;
  const children: unknown[] = [];
  (Array.isArray(raw.children) ? raw.children : []).forEach((child: unknown, i) => {
    const path = `children[${i}]`;
    if (!isMap(child) || typeof child.name !== 'string' || typeof child.file !== 'string') {
      out.errors.push(`${path}: expected {"name": "…", "file": "….harn", "ceiling"?: …}`);
      return;
    }
    out.errors.push(...unknownKeys(child, PROGRAM_FIELDS.child, `${path}.`));
    const entry: CheckChild = { name: child.name, file: shown(child.file), error: null };
    out.children.push(entry);
    try {
      const source = readText(resolve(base, child.file), ctx.cwd);
      policyFiles.ceilings[child.name] = inConfig;
      const ceiling = child.ceiling === undefined ? null : policyValue(child.ceiling, base, ctx, `${path}.ceiling`, out.errors, (text) => {
        policyFiles.ceilings[child.name as string] = { file: shown(child.ceiling as string), text, whole: true };
      });
      children.push({ name: child.name, source, ceiling });
    } catch (error) {
      entry.error = `${path}.file: ${(error as Error).message}`;
    }
  });
  if (out.errors.length > 0) return out;
  const loaded = loadScenario({ version: 1, parent: { source: parentSource, grant }, children, ...(raw.run === undefined ? {} : { run: raw.run }) });
  if (loaded.value === null) out.errors.push(...loaded.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
  out.scenario = loaded.value;
  return out;
}

/** Reads one CONFIG argument; never throws (every problem is in `errors` or a child's `error`). */
export function readCheckInput(input: string, ctx: CommandContext): CheckInput {
  const inline = (scenario: Scenario, text: string | null = null): CheckInput => ({
    input,
    kind: 'scenario',
    scenario,
    errors: [],
    children: scenario.children.map((c) => ({ name: c.name, file: `${input}#children/${c.name}`, error: null })),
    parentFile: `${input}#parent`,
    ...(text === null ? {} : { policyFiles: { grant: { file: input, text, whole: false }, ceilings: Object.fromEntries(scenario.children.map((c) => [c.name, { file: input, text, whole: false }])) } }),
  });
  const fail = (message: string): CheckInput => ({ input, kind: 'scenario', scenario: null, errors: [message], children: [], parentFile: input });
  try {
    if (isLinkArgument(input)) return inline(readScenarioInput(input, ctx));
    const text = readText(input, ctx.cwd);
    const raw = parseJsonInput(text);
    if (isConfig(input, raw)) return loadConfig(input, raw, ctx, text);
    return inline(readScenarioInput(input, ctx), text);
  } catch (error) {
    if (error instanceof CliError) return fail(error.message);
    throw error;
  }
}
