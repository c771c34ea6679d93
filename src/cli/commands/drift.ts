// `drift DIR|FILE… [--catalog CATALOG.json] [--json]`: the seed's F3 drift guard on a harn-vm `src/` tree (or
// files) against the built-in catalog or a catalog file. `--print-catalog` prints the built-in catalog as a
// catalog file to start from. Exit 1 on any drift, 0 clean, 2 bad input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import {
  BUILTIN_DRIFT_CATALOG,
  checkDrift,
  driftCatalogToJson,
  driftReportLines,
  driftReportJson,
  parseDriftCatalog,
  scanThreadLocals,
  type DriftCatalog,
  type DriftSourceFile,
} from '../../core/index.ts';
import { CliError, parseArgs, parseJson, readText, type CommandContext } from '../io.ts';

const USAGE = 'usage: drift DIR|FILE... [--catalog CATALOG.json] [--json] | drift --print-catalog';
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function readSource(path: string, shown: string): DriftSourceFile {
  try {
    return { path: shown, text: UTF8.decode(readFileSync(path)) };
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(`cannot read ${shown}: not UTF-8 text`);
    throw new CliError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
}

// Walks a directory as the seed's `collect` does. Paths are made relative to the directory given, so the
// seed's "contains test" rule applies below it (the seed applies it to the crate's absolute path, which
// would skip a whole checkout that happens to live under a directory named like /tmp/test-harn).
function walk(root: string, dir: string, out: DriftSourceFile[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new CliError(`cannot read directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  for (const name of names) {
    const path = resolve(dir, name);
    const shown = relative(root, path).split(sep).join('/');
    // The skip rule is the scan's; a skipped directory is not even entered, as in the seed.
    if (shown.includes('test')) {
      out.push({ path: shown, text: '' });
      continue;
    }
    if (statSync(path).isDirectory()) walk(root, path, out);
    else if (name.endsWith('.rs')) out.push(readSource(path, shown));
  }
}

function collect(inputs: string[], cwd: string): DriftSourceFile[] {
  const files: DriftSourceFile[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new CliError(`cannot read ${input}: no such file or directory`);
    }
    if (isDir) walk(path, path, files);
    else files.push(readSource(path, basename(path)));
  }
  return files;
}

function loadCatalog(path: string | undefined, cwd: string): DriftCatalog {
  if (path === undefined) return BUILTIN_DRIFT_CATALOG;
  const parsed = parseDriftCatalog(parseJson(readText(path, cwd), path));
  if (parsed.value === null) throw new CliError(`${path}: ${parsed.errors[0] ?? 'not a catalog'}`);
  return parsed.value;
}

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, ['catalog'], ['json', 'print-catalog']);
  const catalog = loadCatalog(parsed.options.get('catalog'), ctx.cwd);
  if (parsed.flags.has('print-catalog')) {
    if (parsed.positionals.length > 0) throw new CliError(`--print-catalog takes no files (${USAGE})`);
    ctx.stdout(JSON.stringify(driftCatalogToJson(catalog), null, 2) + '\n');
    return 0;
  }
  if (parsed.positionals.length === 0) throw new CliError(`expected a harn-vm src/ directory or .rs files (${USAGE})`);
  const scan = scanThreadLocals(collect(parsed.positionals, ctx.cwd));
  const report = checkDrift(scan.discovered, catalog);
  if (parsed.flags.has('json')) {
    ctx.stdout(JSON.stringify(driftReportJson(report)) + '\n');
  } else {
    ctx.stdout(driftReportLines(scan, report).join('\n') + '\n');
  }
  return report.clean ? 0 : 1;
}
