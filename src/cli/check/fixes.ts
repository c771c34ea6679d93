// Where a fix goes in the files the user wrote: the grant record that covers an escaping effect, inserted into the
// grant's list — in the grant file, or inline in the config or scenario — as a text edit (SARIF `fixes`). The
// edit is found by the text's own shape (the grant's list opening), never by guessing: when the place is not
// unambiguous, the finding carries its `fix` records but no edit.
import { createLineIndex, effectToValue, parentCoversChild, type EffectRecord } from '../../core/index.ts';
import type { PolicyFile } from './inputs.ts';

/** One text edit: replace [start, end) (1-based line/column; equal for an insertion) with `text`. */
export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface FileFix {
  description: string;
  file: string;
  edits: TextEdit[];
}

function uniqueMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  const all = [...text.matchAll(new RegExp(pattern.source, 'g'))];
  return all.length === 1 ? (all[0] as RegExpExecArray) : null;
}

function insertionAt(text: string, offset: number, inserted: string, deleteTo = offset): TextEdit {
  const lines = createLineIndex(text);
  const from = lines.position(offset);
  const to = lines.position(deleteTo);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, text: inserted };
}

/**
 * The grant a fix writes where none is written yet, before its own records: the parent's computed effects (what the
 * children are checked against today) that cover an effect some child is granted, an llm record by its kind alone.
 * A record no child uses covers nothing (L404), and harn matches llm effects by kind only (L412), so the children
 * are covered exactly as before and the fix brings no finding of its own.
 */
export function grantFixBase(parentEffects: readonly EffectRecord[] | null, childGranted: readonly EffectRecord[]): EffectRecord[] | null {
  if (parentEffects === null) return null;
  const used = parentEffects.filter((record) => childGranted.some((effect) => parentCoversChild(record, effect)));
  const byKind = used.map((record) => (record.kind.kind === 'llm' ? { ...record, kind: { kind: 'llm' as const } } : record));
  const seen = new Set<string>();
  return byKind.filter((record) => {
    const key = JSON.stringify(effectToValue(record));
    return !seen.has(key) && (seen.add(key), true);
  });
}

/** The edit that adds `records` to the grant written in `file`; `current` is what children are checked against
 * today (the parent's computed effects when no grant is written: the new grant keeps them). */
export function grantFixEdit(file: PolicyFile, records: readonly EffectRecord[], current: readonly EffectRecord[] | null): FileFix | null {
  const json = records.map((r) => JSON.stringify(effectToValue(r)));
  const list = (opening: RegExpExecArray | null): TextEdit | null => {
    if (!opening) return null;
    const after = opening.index + opening[0].length;
    const empty = /^\s*\]/.test(file.text.slice(after));
    return insertionAt(file.text, after, empty ? json.join(', ') : `${json.join(', ')}, `);
  };
  let edit: TextEdit | null;
  if (file.whole) edit = list(uniqueMatch(file.text, /^\s*\[/)) ?? list(uniqueMatch(file.text, /"effects"\s*:\s*\[/));
  else {
    edit = list(uniqueMatch(file.text, /"grant"\s*:\s*\[/));
    if (!edit && current !== null) {
      const whole = `[${[...current.map((r) => JSON.stringify(effectToValue(r))), ...json].join(', ')}]`;
      const nul = uniqueMatch(file.text, /"grant"\s*:\s*null/);
      const parent = uniqueMatch(file.text, /"parent"\s*:\s*\{/);
      if (nul) edit = insertionAt(file.text, nul.index + nul[0].length - 4, whole, nul.index + nul[0].length);
      else if (parent && !/"grant"\s*:/.test(file.text)) edit = insertionAt(file.text, parent.index + parent[0].length, ` "grant": ${whole},`);
    }
  }
  return edit ? { description: `Add ${records.length === 1 ? 'the record' : 'the records'} to the parent grant`, file: file.file, edits: [edit] } : null;
}

/** The 1-based line where a policy (or one of its keys) is written in `file`: for a policy inline in a config or
 * scenario, from the `"grant"` key or the child's `"ceiling"` key on; `key` (a path's first segment, such as
 * `capabilities`) narrows it to that key's line. 1 when the place is not unambiguous. */
export function policyLine(file: PolicyFile, target: 'grant' | { child: string }, key: string | null = null): number {
  let from = 0;
  let to = file.text.length;
  if (!file.whole) {
    if (target === 'grant') {
      const grant = uniqueMatch(file.text, /"grant"\s*:/);
      if (!grant) return 1;
      from = grant.index;
    } else {
      const name = uniqueMatch(file.text, new RegExp(`"name"\\s*:\\s*${JSON.stringify(target.child).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      if (!name) return 1;
      const next = file.text.indexOf('"name"', name.index + name[0].length);
      to = next < 0 ? file.text.length : next;
      const ceiling = /"ceiling"\s*:/.exec(file.text.slice(name.index, to));
      if (!ceiling) return createLineIndex(file.text).position(name.index).line;
      from = name.index + ceiling.index;
    }
  }
  let at = from;
  if (key !== null && key !== '') {
    const found = new RegExp(`"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*:`).exec(file.text.slice(from, to));
    if (found) at = from + found.index;
  }
  return createLineIndex(file.text).position(at).line;
}
