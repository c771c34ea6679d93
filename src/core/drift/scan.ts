// The scan of `drift_every_ambient_shape_thread_local_is_cataloged` (seeds/ambient_scope.rs), rule for rule:
// skip every path containing `test`; in `.rs` files, a line containing `RefCell` and `static ` names a
// thread-local (the identifier after the first `static `); keep the ambient-shape names. Files come in as
// plain data (path + text): the CLI reads a directory, the page reads dropped files. Pure; depends on
// ../scheduler/catalog.ts for the seed's naming convention only.
import { isAmbientShapeName } from '../scheduler/catalog.ts';

/** One source file to scan: its path below the scanned root (`/`-separated) and its text. */
export interface DriftSourceFile {
  path: string;
  text: string;
}

/** Where a thread-local was declared: file path and 1-based line. */
export interface ThreadLocalSite {
  name: string;
  path: string;
  line: number;
}

/** Why a file was not scanned (the seed's own skip rules, so a user can see what was left out). */
export type DriftSkipReason = 'test-path' | 'not-rust';

export interface DriftScan {
  /** Every ambient-shape thread-local name found, sorted (the seed's `BTreeSet<String>` order), once each. */
  discovered: string[];
  /** Each declaration found, in file order then line order. */
  sites: ThreadLocalSite[];
  /** Files left out, with the rule that left them out. */
  skipped: { path: string; reason: DriftSkipReason }[];
  /** How many `.rs` files were read. */
  scannedFiles: number;
}

/** The seed's path rule: `path.to_string_lossy().contains("test")` (case-sensitive, any component). */
export function isTestPath(path: string): boolean {
  return path.includes('test');
}

// Rust's `Path::extension`: the text after the last `.` of the file name, unless that `.` starts the name.
function extensionOf(path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? null : name.slice(dot + 1);
}

const NAME_CHAR = /[A-Za-z0-9_]/;

/** The thread-local a line declares, or null: it contains `RefCell`, and the name follows its first `static `. */
export function threadLocalNameOf(line: string): string | null {
  if (!line.includes('RefCell')) return null;
  const at = line.indexOf('static ');
  if (at < 0) return null;
  let end = at + 'static '.length;
  const start = end;
  while (end < line.length && NAME_CHAR.test(line[end]!)) end++;
  return end > start ? line.slice(start, end) : null;
}

/** Scans files as the seed's drift test walks `src/`. Never throws. */
export function scanThreadLocals(files: readonly DriftSourceFile[]): DriftScan {
  const names = new Set<string>();
  const sites: ThreadLocalSite[] = [];
  const skipped: DriftScan['skipped'] = [];
  let scannedFiles = 0;
  for (const file of files) {
    // Test-support trees are skipped so test-only thread-locals never have to enter the production catalog.
    if (isTestPath(file.path)) {
      skipped.push({ path: file.path, reason: 'test-path' });
      continue;
    }
    if (extensionOf(file.path) !== 'rs') {
      skipped.push({ path: file.path, reason: 'not-rust' });
      continue;
    }
    scannedFiles++;
    // Rust's `str::lines`: split on \n, drop a trailing \r (which can never be part of a name anyway).
    file.text.split('\n').forEach((line, index) => {
      const name = threadLocalNameOf(line);
      if (name === null || !isAmbientShapeName(name)) return;
      names.add(name);
      sites.push({ name, path: file.path, line: index + 1 });
    });
  }
  // Names are ASCII, so code-unit order is the byte order of Rust's BTreeSet<String>.
  const discovered = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { discovered, sites, skipped, scannedFiles };
}
