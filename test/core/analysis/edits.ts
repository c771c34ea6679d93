// Random edits of Harn sources, as typing makes them: shared by the tests that follow an analysis along keystrokes.

/** A small deterministic generator (mulberry32), so a failure names a reproducible step. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What typing does: letters inside names and strings, whole statements (with and without effects) added, lines
// deleted or copied, and characters that change tokens and structure (which often leave the program unparsable).
const LETTERS = 'xyz_019';
const STRUCTURAL = ['"', '(', ')', '{', '}', '.', ',', ';', '/*', '*/', '//', '\\', '${', '\n', ' '];
const STATEMENTS = [
  'read_file("notes.txt")',
  'let body = http_get("https://api.example.test/v1")',
  'harness.fs.write_text("out.txt", body)',
  'harness.net.post("https://hooks.example.test", {a: 1})',
  'llm_call("hi", {provider: "anthropic", model: "claude"})',
  'if ok { exec("make") } else { harness.stdio.println("no") }',
  'for f in list_dir("d") { harness.fs.delete(f) }',
  'with_execution_policy(p, { -> write_file("x", "y") })',
  'println("plain")',
  'let n = 1 + 2',
];

function lineBounds(source: string, at: number): [number, number] {
  const start = source.lastIndexOf('\n', at - 1) + 1;
  const end = source.indexOf('\n', at);
  return [start, end < 0 ? source.length : end + 1];
}

/** One random edit of `source`. */
export function edit(source: string, next: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const at = Math.floor(next() * (source.length + 1));
  const [lineStart, lineEnd] = lineBounds(source, at);
  const choice = next();
  if (choice < 0.3) return source.slice(0, at) + pick([...LETTERS]) + source.slice(at);
  if (choice < 0.55) return `${source.slice(0, lineStart)}  ${pick(STATEMENTS)}\n${source.slice(lineStart)}`;
  if (choice < 0.7) return source.slice(0, lineStart) + source.slice(lineEnd);
  if (choice < 0.85) return source.slice(0, lineStart) + source.slice(lineStart, lineEnd) + source.slice(lineStart);
  if (choice < 0.93) return source.slice(0, at) + pick(STRUCTURAL) + source.slice(at);
  return source.slice(0, at) + source.slice(at + 1 + Math.floor(next() * 4));
}
