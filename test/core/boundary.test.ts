// src/core stays pure (DESIGN §1, STYLE "A pure core"): this scan backs the ESLint rule with a test that cannot be
// switched off by a lint config change.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CORE = join(ROOT, 'src/core');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

// Pure, dependency-free libraries core may use: schema validation and deflate. Both run unchanged in the worker and Node.
const ALLOWED_PACKAGES = new Set(['zod', 'fflate']);

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const FORBIDDEN_GLOBALS = /\b(?:window|document|localStorage|sessionStorage|navigator|self)\s*\.|\bDate\.now\(|\bnew Date\(|\bMath\.random\(|\bsetTimeout\(|\bsetInterval\(|\bperformance\.now\(|\bprocess\.(?:env|argv|exit)|\bpostMessage\(/;

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('the core boundary', () => {
  const files = walk(CORE);

  it('finds the core sources to scan', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s imports only from inside src/core', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]!;
      if (ALLOWED_PACKAGES.has(spec)) continue;
      expect(spec.startsWith('.'), `${spec} is a package import outside the allow-list`).toBe(true);
      const target = resolve(dirname(file), spec);
      expect(relative(CORE, target).startsWith('..'), `${spec} leaves src/core`).toBe(false);
    }
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s uses no DOM, clock, randomness or timers', (_name, file) => {
    const code = stripComments(readFileSync(file, 'utf8'));
    expect(code).not.toMatch(FORBIDDEN_GLOBALS);
  });

  it('rejects a file that reaches outside (the scan itself can fail)', () => {
    const bad = "import { x } from '../../ui/App.tsx';\nconst t = Date.now();";
    const spec = [...bad.matchAll(IMPORT)][0]![1]!;
    expect(relative(CORE, resolve(CORE, 'analysis', spec)).startsWith('..')).toBe(true);
    expect(stripComments(bad)).toMatch(FORBIDDEN_GLOBALS);
  });
});
