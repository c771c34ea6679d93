// Load budget (issue 8, DESIGN §8): builds the app and measures what a first visit downloads before Monaco.
// "Initial" = the entry chunk and everything it imports statically (modulepreload), found from Vite's manifest;
// Monaco must sit in lazy chunks only. Budget: initial JS ≤ 150 KB gzip.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
const BUDGET_KB = 150;

function gzipKb(file: string): number {
  return gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length / 1024;
}

export async function bench(): Promise<BenchLine[]> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', OUT, '--emptyOutDir', '--manifest', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const dep of manifest[key]!.imports ?? []) visit(dep);
  };
  visit(entryKey);
  const initialFiles = [...initial].map((k) => manifest[k]!.file);
  const initialKb = initialFiles.reduce((sum, f) => sum + gzipKb(f), 0);
  const monacoInInitial = [...initial].some((k) => k.includes('monaco-editor'));
  const lazy = Object.entries(manifest).filter(([k, c]) => !initial.has(k) && c.file.endsWith('.js'));
  const lazyKb = lazy.reduce((sum, [, c]) => sum + gzipKb(c.file), 0);
  const biggestLazy = lazy.map(([k, c]) => ({ k, kb: gzipKb(c.file) })).sort((a, b) => b.kb - a.kb)[0];
  return [
    { name: 'initial JS (entry + static imports), gzip', measured: `${fmt(initialKb, 1)} KB in ${initialFiles.length} file(s)`, budget: `<= ${BUDGET_KB} KB`, ok: initialKb <= BUDGET_KB },
    { name: 'Monaco kept out of the initial chunks', measured: monacoInInitial ? 'no: Monaco is in the initial load' : 'yes', budget: 'lazy only', ok: !monacoInInitial },
    { name: 'lazy JS chunks, gzip (Monaco, editor pane, workers excluded)', measured: `${fmt(lazyKb, 1)} KB in ${lazy.length} chunk(s)${biggestLazy ? `; largest ${biggestLazy.k} ${fmt(biggestLazy.kb, 1)} KB` : ''}` },
  ];
}
