// One name, one type: an exported type or interface name is declared once in src (two meanings under one name —
// once two `SimulationResult`s, the traced run and the UI's landed simulation — make a newcomer guess which one
// an import means). Re-exports (`export type { X }`) are not declarations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** Exported type and interface declarations, by name: the files declaring each. */
function declarations(): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^export (?:interface|type) ([A-Za-z_$][\w$]*)/gm)) {
      const files = byName.get(match[1]!) ?? [];
      files.push(relative(SRC, file));
      byName.set(match[1]!, files);
    }
  }
  return byName;
}

describe('exported type names', () => {
  const byName = declarations();

  it('finds the declarations it checks (the scan reads src)', () => {
    expect(byName.get('TraceStep')).toEqual(['core/scheduler/trace.ts']);
    expect(byName.size).toBeGreaterThan(100);
  });

  it('declares each exported type name once', () => {
    const twice = [...byName].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('keeps SimulationResult one type, and the traced run of a task set its own name', () => {
    expect(byName.get('SimulationResult')?.length ?? 0).toBeLessThanOrEqual(1);
    expect(byName.get('TracedRun')).toEqual(['core/scheduler/run.ts']);
  });
});
