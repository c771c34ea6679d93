// `drift DIR|FILE… [--catalog CATALOG.json] [--json]`: the seed's F3 drift guard on a harn-vm `src/` tree (or
// files) against the built-in catalog or a catalog file. `--print-catalog` prints the built-in catalog as a
// catalog file to start from. Exit 1 on any drift, 0 clean, 2 bad input.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import {
  BUILTIN_DRIFT_CATALOG,
  checkDrift,
  driftCatalogToJson,
  driftIncompleteVerdict,
  driftReportLines,
  driftReportJson,
  driftUnreadLine,
  driftUnreadWhy,
  driftUnreadMissesSource,
  escapeText,
  parseDriftCatalog,
  scanThreadLocals,
  type DriftCatalog,
  type DriftSourceFile,
  type DriftUnreadReason,
} from '../../core/index.ts';
import { CliError, MAX_INPUT_BYTES, parseArgs, parseJson, readText, type CommandContext } from '../io.ts';

const USAGE = 'usage: drift DIR|FILE... [--catalog CATALOG.json] [--json] | drift --print-catalog';
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** An entry of the tree that was not read, and why. */
interface Unread {
  path: string;
  reason: DriftUnreadReason;
}

function specialKind(stat: Stats): DriftUnreadReason | null {
  if (stat.isFIFO()) return { kind: 'fifo' };
  if (stat.isSocket()) return { kind: 'socket' };
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return { kind: 'device' };
  return null;
}

const errorReason = (error: unknown): DriftUnreadReason => {
  const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
  return code === 'EACCES' || code === 'EPERM' ? { kind: 'unreadable' } : code === 'ELOOP' ? { kind: 'loop' } : { kind: 'error', code };
};

// Reads a regular file of at most MAX_INPUT_BYTES: opened without following a link and without blocking, then
// checked on the open descriptor, so a file swapped for a FIFO or a device after the walk looked at it is refused.
function readRegular(path: string): { text: string } | { reason: DriftUnreadReason } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { reason: errorReason(error) };
  }
  try {
    const stat = fstatSync(fd);
    const special = specialKind(stat);
    if (special) return { reason: special };
    if (!stat.isFile()) return { reason: { kind: 'error', code: 'not a regular file' } };
    if (stat.size > MAX_INPUT_BYTES) return { reason: { kind: 'too-big', bytes: stat.size, limit: MAX_INPUT_BYTES } };
    // One byte more than the limit: a file that grew since fstat is caught, never read without bound.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_INPUT_BYTES) + 1);
    let total = 0;
    for (let n = 1; n > 0 && total < buffer.length; total += n) n = readSync(fd, buffer, total, buffer.length - total, null);
    if (total > MAX_INPUT_BYTES) return { reason: { kind: 'too-big', bytes: total, limit: MAX_INPUT_BYTES } };
    try {
      return { text: UTF8.decode(buffer.subarray(0, total)) };
    } catch {
      return { reason: { kind: 'not-utf8' } };
    }
  } catch (error) {
    return { reason: errorReason(error) };
  } finally {
    closeSync(fd);
  }
}

function readSource(path: string, shown: string): DriftSourceFile {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const read = readRegular(real);
  if ('text' in read) return { path: shown, text: read.text };
  throw new CliError(`cannot read ${shown}: ${driftUnreadWhy(read.reason)}`);
}

/** The walk of one directory given on the command line: what it read and what it left out. */
interface Walk {
  root: string;
  /** The real path of the root: a symlink is followed only when its target is below it. */
  realRoot: string;
  /** Real paths already read or entered, with the path they were shown as: nothing is read twice, loops end. */
  seen: Map<string, string>;
  files: DriftSourceFile[];
  unread: Unread[];
}

const isInside = (real: string, root: string) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);

// Walks a directory as the seed's `collect` does, reading only regular files below it. Paths are made relative to
// the directory given, so the seed's "contains test" rule applies below it (the seed applies it to the crate's
// absolute path, which would skip a whole checkout that happens to live under a directory named like
// /tmp/test-harn). Every entry that cannot be read is noted and the rest is still scanned.
function walk(w: Walk, dir: string, realDir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    w.unread.push({ path: relative(w.root, dir).split(sep).join('/') || '.', reason: errorReason(error) });
    return;
  }
  for (const name of names) {
    const path = resolve(dir, name);
    const shown = relative(w.root, path).split(sep).join('/');
    // The skip rule is the scan's; a skipped directory is not even entered, as in the seed.
    if (shown.includes('test')) {
      w.files.push({ path: shown, text: '' });
      continue;
    }
    visit(w, path, shown, name, realDir);
  }
}

function visit(w: Walk, path: string, shown: string, name: string, realDir: string): void {
  let real: string;
  let stat: Stats;
  try {
    const link = lstatSync(path);
    if (link.isSymbolicLink()) {
      try {
        real = realpathSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        w.unread.push({ path: shown, reason: code === 'ENOENT' ? { kind: 'dangling' } : errorReason(error) });
        return;
      }
      if (!isInside(real, w.realRoot)) {
        w.unread.push({ path: shown, reason: { kind: 'outside', target: real } });
        return;
      }
      stat = statSync(real);
    } else {
      real = realpathSync(path);
      stat = link;
    }
  } catch (error) {
    w.unread.push({ path: shown, reason: errorReason(error) });
    return;
  }
  const special = specialKind(stat);
  if (special) {
    w.unread.push({ path: shown, reason: special });
    return;
  }
  if (!stat.isDirectory() && !name.endsWith('.rs')) return;
  const earlier = w.seen.get(real);
  if (earlier !== undefined) {
    // A directory that holds the one being walked leads back into it: a loop; anything else was read by another path.
    w.unread.push({ path: shown, reason: stat.isDirectory() && isInside(realDir, real) ? { kind: 'loop' } : { kind: 'seen', as: earlier } });
    return;
  }
  w.seen.set(real, shown);
  if (stat.isDirectory()) walk(w, path, real);
  else {
    const read = readRegular(real);
    if ('text' in read) w.files.push({ path: shown, text: read.text });
    else w.unread.push({ path: shown, reason: read.reason });
  }
}

function collect(inputs: string[], cwd: string): { files: DriftSourceFile[]; unread: Unread[] } {
  const files: DriftSourceFile[] = [];
  const unread: Unread[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new CliError(`cannot read ${input}: no such file or directory`);
    }
    if (isDir) {
      const realRoot = realpathSync(path);
      const w: Walk = { root: path, realRoot, seen: new Map([[realRoot, '.']]), files, unread };
      walk(w, path, realRoot);
    } else files.push(readSource(path, basename(path)));
  }
  return { files, unread };
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
  const { files, unread } = collect(parsed.positionals, ctx.cwd);
  const scan = scanThreadLocals(files);
  const report = checkDrift(scan.discovered, catalog);
  // Each entry left out on its own line (on stderr beside --json, whose keys are fixed); a clean verdict needs
  // every .rs source read, so a source that could not be read makes the result unknown (exit 1).
  const notes = unread.map((u) => escapeText(driftUnreadLine(u.path, u.reason)));
  const missed = unread.filter((u) => driftUnreadMissesSource(u.path, u.reason)).length;
  if (parsed.flags.has('json')) {
    if (notes.length > 0) ctx.stderr(notes.join('\n') + '\n');
    ctx.stdout(JSON.stringify(driftReportJson(report)) + '\n');
  } else {
    const lines = driftReportLines(scan, report).map(escapeText);
    lines.splice(1, 0, ...notes);
    if (missed > 0 && report.clean) lines.push(driftIncompleteVerdict(missed));
    ctx.stdout(lines.join('\n') + '\n');
  }
  return report.clean && missed === 0 ? 0 : 1;
}
