// Load budget (issue 8, DESIGN §8): builds the app and measures what a first visit downloads before Monaco.
// "Initial" = the entry chunks (the app's and the boot script's) and everything they import statically
// (modulepreload), found from Vite's manifest; Monaco must sit in lazy chunks only. Budget: initial JS ≤ 100 KB gzip
// (issue 30: it was 89 KB in the first version; the aim became the budget). Prints the largest modules of the
// initial chunks (minified bytes, from the build's source maps), to find what grew.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchLine } from './lib.ts';
import { fmt } from './lib.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const OUT = join(ROOT, 'dist-bench');
const BUDGET_KB = 100;
/** How many of the initial chunks' largest modules are printed. */
const LARGEST = 12;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Minified bytes per source module of one built chunk, from its source map (each mapped segment's bytes up to the
 * next segment go to the segment's source; unmapped bytes to "(unmapped)"). */
export function bytesBySource(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const lines = code.split('\n');
  const totals = new Map<string, number>();
  const add = (source: string, bytes: number) => totals.set(source, (totals.get(source) ?? 0) + bytes);
  let source = 0;
  map.mappings.split(';').forEach((line, row) => {
    const text = lines[row] ?? '';
    let column = 0;
    let last: { column: number; source: string } | null = null;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0]!;
      if (values.length > 1) source += values[1]!;
      if (last) add(last.source, column - last.column);
      else add('(unmapped)', column);
      last = { column, source: values.length > 1 ? (map.sources[source] ?? '(unknown)') : '(unmapped)' };
    }
    if (last) add(last.source, text.length - last.column);
    else add('(unmapped)', text.length);
  });
  return totals;
}

/** A source path as printed: the package for dependencies, the repository path for the app's own files. */
function moduleName(source: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return dependency ? dependency[1]! : source.replace(/^(\.\.\/)+/, '');
}

function largestModules(files: string[]): string {
  const totals = new Map<string, number>();
  for (const file of files) {
    const mapFile = join(OUT, `${file}.map`);
    if (!existsSync(mapFile)) continue;
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
    for (const [source, bytes] of bytesBySource(readFileSync(join(OUT, file), 'utf8'), map)) {
      const name = moduleName(source);
      totals.set(name, (totals.get(name) ?? 0) + bytes);
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, LARGEST)
    .map(([name, bytes]) => `${name} ${fmt(bytes / 1024, 1)}`)
    .join('; ');
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length / 1024;
}

export async function bench(): Promise<BenchLine[]> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', OUT, '--emptyOutDir', '--manifest', '--sourcemap', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKeys = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const dep of manifest[key]!.imports ?? []) visit(dep);
  };
  for (const key of entryKeys) visit(key);
  const initialFiles = [...initial].map((k) => manifest[k]!.file);
  const initialKb = initialFiles.reduce((sum, f) => sum + gzipKb(f), 0);
  const monacoInInitial = [...initial].some((k) => k.includes('monaco-editor'));
  const lazy = Object.entries(manifest).filter(([k, c]) => !initial.has(k) && c.file.endsWith('.js'));
  const lazyKb = lazy.reduce((sum, [, c]) => sum + gzipKb(c.file), 0);
  const biggestLazy = lazy.map(([k, c]) => ({ k, kb: gzipKb(c.file) })).sort((a, b) => b.kb - a.kb)[0];
  return [
    { name: 'initial JS (entry + static imports), gzip', measured: `${fmt(initialKb, 1)} KB in ${initialFiles.length} file(s)`, budget: `<= ${BUDGET_KB} KB`, ok: initialKb <= BUDGET_KB },
    { name: 'initial JS: largest modules, minified KB', measured: largestModules(initialFiles.filter((f) => f.endsWith('.js'))) },
    { name: 'Monaco kept out of the initial chunks', measured: monacoInInitial ? 'no: Monaco is in the initial load' : 'yes', budget: 'lazy only', ok: !monacoInInitial },
    { name: 'lazy JS chunks, gzip (Monaco, editor pane, workers excluded)', measured: `${fmt(lazyKb, 1)} KB in ${lazy.length} chunk(s)${biggestLazy ? `; largest ${biggestLazy.k} ${fmt(biggestLazy.kb, 1)} KB` : ''}` },
  ];
}
