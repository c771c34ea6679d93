// The Harn corpus beside the clone (../shared/corpus/harn): every .harn file under it, sorted. Tests read the corpus
// in place, never copy it.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../../shared/corpus/harn');

export function harnFiles(dir: string = CORPUS_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...harnFiles(path));
    else if (name.endsWith('.harn')) out.push(path);
  }
  return out.sort();
}
