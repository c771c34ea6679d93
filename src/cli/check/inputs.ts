// The inputs of `harn-scope check`: a scenario file or share link (programs inline), or a `harn-scope.json` config
// that names program files (and optionally grant / ceiling files) relative to itself. A config reads only inside its
// own directory (after resolving symlinks) unless --root widens it. Every problem is reported per input — and a
// program file that cannot be read, per child — never by aborting the others; no message quotes a file's content.
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { loadScenario, nearestName, parseCeiling, parseJsonStrict, type Scenario, type ScenarioError } from '../../core/index.ts';
import { CliError, readText, syntaxErrorWithoutContent, type CommandContext } from '../io.ts';
import { isLinkArgument, readScenarioLoaded } from '../scenario-input.ts';

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
  /** Ceiling fields harn ignores (`children[0].ceiling.side_effects_level`), reported as L407 findings. */
  ignored: ScenarioError[];
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
  const parsed = parseJsonStrict(text);
  if (parsed.error === null) return parsed.value;
  // A key written twice names its key path; any other problem is said by line and column only (never an excerpt).
  throw new CliError(parsed.error.path !== '' ? parsed.error.message : syntaxErrorWithoutContent(text));
}

/** Where a config may read: its directory, and the --root directory if given, both with symlinks resolved. */
interface Confinement {
  base: string;
  roots: string[];
  /** What an error calls the root: `the config's directory` or `--root DIR`. */
  rootName: string;
}

const isInside = (path: string, root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/** The real path of a file a config names, or a CliError naming the path when it leads outside the root (written
 * `../x`, absolute, or a symlink): a config must not make `check` read, or quote, a file beside the repository. */
function confinedPath(value: string, where: Confinement): string {
  const outside = (how: string) =>
    new CliError(`${value}: ${how} outside ${where.rootName}, so it is not read (--root DIR widens what a config may read)`);
  const inside = (path: string) => where.roots.some((root) => isInside(path, root));
  if (isAbsolute(value) && !inside(resolve(value))) throw outside('an absolute path');
  const path = resolve(where.base, value);
  if (!inside(path)) throw outside('a path');
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return path; // does not exist: readText says so
  }
  if (!inside(real)) throw outside('a symlink leading');
  return real;
}

/** A grant or ceiling given inline or as a path (relative to the config); errors name the field. */
function policyValue(
  value: unknown,
  where: Confinement,
  ctx: CommandContext,
  field: string,
  errors: string[],
  ignored: ScenarioError[],
  read?: (text: string) => void,
): unknown {
  if (typeof value !== 'string') return value;
  try {
    const text = readText(confinedPath(value, where), ctx.cwd);
    read?.(text);
    // A grant file that reads as JSON is the grant, as if written inline: an invalid record is then the one S553
    // finding (exit 1) either way, never a bad input here and a finding there.
    if (field.endsWith('grant')) return parseJsonInput(text);
    const ceiling = parseCeiling(text);
    ignored.push(...ceiling.warnings.map((w) => ({ path: `${field}.${w.path}`, message: w.message })));
    const first = ceiling.errors[0];
    // A syntax error names the line and column only: the file may not be a policy at all.
    if (first) errors.push(`${field} (${value}): ${first.path ? `${first.path}: ${first.message}` : syntaxErrorWithoutContent(text, first.message)}`);
    return ceiling.value;
  } catch (error) {
    errors.push(`${field}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function loadConfig(input: string, raw: unknown, ctx: CommandContext, options: CheckReadOptions, configText: string): CheckInput {
  const dir = dirname(resolve(ctx.cwd, input));
  const base = realpathSync(dir);
  const where: Confinement =
    options.root === undefined
      ? { base, roots: [base], rootName: "the config's directory" }
      : { base, roots: [base, options.root], rootName: `the config's directory and --root ${options.rootShown ?? options.root}` };
  const shown = (file: string) => relative(ctx.cwd, resolve(dir, file)) || file;
  const out: CheckInput = { input, kind: 'config', scenario: null, errors: [], children: [], parentFile: input, ignored: [] };
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
      parentSource = readText(confinedPath(parent.file as string, where), ctx.cwd);
    } catch (error) {
      out.errors.push(`parent.file: ${(error as Error).message}`);
    }
  }
  const grant =
    parent && parent.grant !== undefined && parent.grant !== null
      ? policyValue(parent.grant, where, ctx, 'parent.grant', out.errors, out.ignored, (text) => {
          policyFiles.grant = { file: shown(parent.grant as string), text, whole: true };
        })
      : null;
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
      const source = readText(confinedPath(child.file, where), ctx.cwd);
      policyFiles.ceilings[child.name] = inConfig;
      const ceiling =
        child.ceiling === undefined
          ? null
          : policyValue(child.ceiling, where, ctx, `${path}.ceiling`, out.errors, out.ignored, (text) => {
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
  out.ignored.push(...(loaded.warnings ?? []));
  out.scenario = loaded.value;
  return out;
}

/** How configs are read: `root`, the real path of --root DIR (as given in `rootShown`), widens where a config may
 * read beyond its own directory. */
export interface CheckReadOptions {
  root?: string;
  rootShown?: string;
}

/** The real path of `--root DIR`, or a CliError (exit 2) when it is not a directory. */
export function resolveCheckRoot(dir: string, ctx: CommandContext): string {
  let real: string;
  try {
    real = realpathSync(resolve(ctx.cwd, dir));
  } catch {
    throw new CliError(`--root ${dir}: no such directory`);
  }
  if (!statSync(real).isDirectory()) throw new CliError(`--root ${dir}: not a directory`);
  return real;
}

/** Reads one CONFIG argument; never throws (every problem is in `errors` or a child's `error`). */
export function readCheckInput(input: string, ctx: CommandContext, options: CheckReadOptions = {}): CheckInput {
  const inline = ({ scenario, warnings }: { scenario: Scenario; warnings: ScenarioError[] }, text: string | null = null): CheckInput => ({
    input,
    kind: 'scenario',
    scenario,
    ignored: warnings,
    errors: [],
    children: scenario.children.map((c) => ({ name: c.name, file: `${input}#children/${c.name}`, error: null })),
    parentFile: `${input}#parent`,
    ...(text === null ? {} : { policyFiles: { grant: { file: input, text, whole: false }, ceilings: Object.fromEntries(scenario.children.map((c) => [c.name, { file: input, text, whole: false }])) } }),
  });
  const fail = (message: string): CheckInput => ({ input, kind: 'scenario', scenario: null, errors: [message], children: [], parentFile: input, ignored: [] });
  try {
    if (isLinkArgument(input)) return inline(readScenarioLoaded(input, ctx));
    const text = readText(input, ctx.cwd);
    const raw = parseJsonInput(text);
    if (isConfig(input, raw)) return loadConfig(input, raw, ctx, options, text);
    return inline(readScenarioLoaded(input, ctx), text);
  } catch (error) {
    if (error instanceof CliError) return fail(error.message);
    throw error;
  }
}

/** The share links of a text file that holds only links, one a line (blank lines and `#` comments after a space
 * skipped; a class's exercise links), each named `FILE:LINE`; null when `arg` is not such a file (a link, JSON,
 * anything else, or unreadable: readCheckInput then reports it as it is). */
export function linkListOf(arg: string, ctx: CommandContext): { name: string; link: string }[] | null {
  if (isLinkArgument(arg)) return null;
  let text: string;
  try {
    text = readText(arg, ctx.cwd);
  } catch {
    return null;
  }
  if (parseJsonStrict(text).error === null) return null;
  const links: { name: string; link: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('# ')) continue;
    if (!isLinkArgument(line)) return null;
    links.push({ name: `${arg}:${i + 1}`, link: line });
  }
  return links.length > 0 ? links : null;
}

/** Reads one CONFIG argument, or each link of a file of links (see linkListOf), named by file and line. */
export function readCheckInputs(arg: string, ctx: CommandContext, options: CheckReadOptions = {}): CheckInput[] {
  const links = linkListOf(arg, ctx);
  if (links === null) return [readCheckInput(arg, ctx, options)];
  return links.map(({ name, link }) => {
    const read = readCheckInput(link, ctx, options);
    // Findings are placed at `FILE:LINE#parent`, never at the whole link.
    const rename = (file: string) => (file.startsWith(link) ? name + file.slice(link.length) : file);
    return { ...read, input: name, parentFile: rename(read.parentFile), children: read.children.map((c) => ({ ...c, file: rename(c.file) })) };
  });
}
