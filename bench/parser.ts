// Parser throughput: the Harn parser over the whole corpus vs acorn and meriyah over whole JavaScript files of
// about the same total size, measured in the same run. Budget: harn MB/s >= acorn MB/s (ratio >= 1.0).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as acorn from 'acorn';
import { parseScript } from 'meriyah';
import { parse } from '../src/core/index.ts';
import { fmt, median, sample, type BenchLine } from './lib.ts';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus/harn');

/** Whole JS files (CommonJS scripts both parsers accept), taken in this order while the total stays within 110% of the Harn size. */
const JS_CANDIDATES = [
  'node_modules/react-dom/cjs/react-dom-server-legacy.browser.development.js',
  'node_modules/react-dom/cjs/react-dom-server.node.development.js',
  'node_modules/react-dom/cjs/react-dom-client.production.js',
  'node_modules/react-dom/cjs/react-dom-server.browser.production.js',
  'node_modules/react-dom/cjs/react-dom-server.edge.production.js',
  'node_modules/react-dom/cjs/react-dom.development.js',
  'node_modules/react-dom/cjs/react-dom.production.js',
];

function harnSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) harnSources(path, out);
    else if (name.endsWith('.harn')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

function jsSources(targetBytes: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (const file of JS_CANDIDATES) {
    let text: string;
    try {
      text = readFileSync(resolve(root, file), 'utf8');
      acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script' });
      parseScript(text);
    } catch {
      continue;
    }
    if (total + text.length > targetBytes * 1.1) continue;
    out.push(text);
    total += text.length;
  }
  return out;
}

const bytes = (texts: string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const mbPerSecond = (size: number, ms: number) => size / 1e6 / (ms / 1000);

export async function bench(): Promise<BenchLine[]> {
  const harn = harnSources(corpus);
  const js = jsSources(bytes(harn));
  const harnBytes = bytes(harn);
  const jsBytes = bytes(js);
  const opts = { warmup: 5, minMs: 3000, minRuns: 10 };
  const harnMs = median(sample(() => harn.forEach((s) => parse(s)), opts));
  const acornMs = median(sample(() => js.forEach((s) => acorn.parse(s, { ecmaVersion: 'latest', sourceType: 'script' })), opts));
  const meriyahMs = median(sample(() => js.forEach((s) => parseScript(s)), opts));
  const harnRate = mbPerSecond(harnBytes, harnMs);
  const acornRate = mbPerSecond(jsBytes, acornMs);
  const meriyahRate = mbPerSecond(jsBytes, meriyahMs);
  return [
    { name: `harn parse, corpus (${harn.length} files, ${fmt(harnBytes / 1e6)} MB)`, measured: `${fmt(harnRate)} MB/s` },
    { name: `acorn parse, JS (${js.length} files, ${fmt(jsBytes / 1e6)} MB)`, measured: `${fmt(acornRate)} MB/s` },
    { name: `meriyah parse, same JS`, measured: `${fmt(meriyahRate)} MB/s` },
    { name: 'harn / acorn throughput', measured: `${fmt(harnRate / acornRate)}x`, budget: '>= 1.0x', ok: harnRate / acornRate >= 1.0 },
    { name: 'harn / meriyah throughput', measured: `${fmt(harnRate / meriyahRate)}x` },
  ];
}
