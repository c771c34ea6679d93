// Shared helpers for syntax tests: where the read-only corpus lives and how to list its files.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const corpusRoot = resolve(repoRoot, '../shared/corpus');

/** Every `.harn` file under `dir`, as paths relative to `dir`, sorted. */
export function listHarnFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.harn')) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}
