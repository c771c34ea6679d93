// Where a finding in an inline program of a scenario file is in that file: code scanning and workflow annotations
// place a result on a file of the repository, and `examples/x.json#children/beta` is none. The program is one JSON
// string on one line of the scenario, so a call at line 3 column 3 of beta's source is that line of the file, at
// the column of its character in the string (escapes counted as written). A link, or a source the file does not
// hold as written (a migrated scenario), keeps its inline place.
import { createLineIndex, jsonStringCharOffset, jsonValueOffset } from '../../core/index.ts';
import type { CheckInput } from './inputs.ts';

/** A place as the formats print it. */
export interface FilePlace {
  file: string;
  line: number;
  column: number;
}

/** Maps places in `input`'s inline programs to its scenario file; null when there is nothing to map. */
export function scenarioFilePlaces(input: CheckInput): ((place: FilePlace) => FilePlace | null) | null {
  const text = input.policyFiles?.grant?.text;
  const scenario = input.scenario;
  if (input.kind !== 'scenario' || text === undefined || scenario === null) return null;
  const programs = new Map<string, { path: (string | number)[]; source: string }>([[input.parentFile, { path: ['parent', 'source'], source: scenario.parent.source }]]);
  scenario.children.forEach((c, i) => programs.set(`${input.input}#children/${c.name}`, { path: ['children', i, 'source'], source: c.source }));
  const lines = createLineIndex(text);
  const literals = new Map<string, number | null>();
  const literalOf = (file: string, program: { path: (string | number)[]; source: string }) => {
    if (!literals.has(file)) {
      const at = jsonValueOffset(text, program.path);
      // Only a string literal that decodes to the program's source is its place (never a guess).
      let same = false;
      if (at !== null && text[at] === '"') {
        const end = jsonStringCharOffset(text, at, program.source.length + 1);
        try {
          same = JSON.parse(text.slice(at, end + 1)) === program.source;
        } catch {
          same = false;
        }
      }
      literals.set(file, same ? at : null);
    }
    return literals.get(file) ?? null;
  };
  return (place) => {
    const program = programs.get(place.file);
    if (!program) return null;
    const literal = literalOf(place.file, program);
    if (literal === null) return null;
    const offset = createLineIndex(program.source).offset(place.line, place.column);
    return { file: input.input, ...lines.position(jsonStringCharOffset(text, literal, offset)) };
  };
}
