// The page's half of the analysis reply protocol (core's ViewReply): a whole view replaces the one held; a patch is
// spliced into it, so every row it does not name stays the same object and memoized rows skip re-rendering. The
// result is still a new view, replaced whole in the store. A patch that does not fit what is held (a bug, or a reply
// meant for another view) is refused: the caller asks for the whole view again.
import type { AnalysisView, ListPatch, ProgramPatch, ProgramView, ViewReply } from './analysisTypes.ts';

/** The view the page holds and the reply version it came from. */
export interface HeldView {
  version: number;
  view: AnalysisView;
}

function applyList<T>(prev: T[], patch: ListPatch<T> | undefined): T[] | null {
  if (patch === undefined) return prev;
  if (typeof patch !== 'object' || patch === null || !Array.isArray(patch.middle)) return null;
  const { head, tail, middle } = patch;
  if (!(head >= 0 && tail >= 0 && head + tail <= prev.length)) return null;
  const out = prev.slice(0, head);
  for (const part of middle) {
    if (!Array.isArray(part)) {
      out.push(part);
      continue;
    }
    const [from, count] = part;
    if (!(from >= head && count > 0 && from + count <= prev.length - tail)) return null;
    for (let i = from; i < from + count; i++) out.push(prev[i]!);
  }
  for (let i = prev.length - tail; i < prev.length; i++) out.push(prev[i]!);
  return out;
}

// Field by field, by name: a field whose held value is an array takes a list patch, any other is replaced whole
// (core's FieldPatch), so a field added to the view needs no edit here.
function applyProgram(prev: ProgramView, patch: ProgramPatch | null | undefined): ProgramView | null {
  if (!patch) return prev;
  const out: Record<string, unknown> = { ...prev };
  for (const key of Object.keys(patch) as (keyof ProgramView)[]) {
    const held: unknown = prev[key];
    // A list patch for an array held; null (a field that may be null became so) or any other value is whole.
    if (!Array.isArray(held) || patch[key] === null) {
      out[key] = patch[key];
      continue;
    }
    const list = applyList(held as unknown[], patch[key] as ListPatch<unknown>);
    if (!list) return null;
    out[key] = list;
  }
  return out as unknown as ProgramView;
}

/** The view after `reply`, or null when `reply` is a patch that does not apply to `held` (ask for the whole view). */
export function applyViewReply(held: HeldView | null, reply: ViewReply): HeldView | null {
  if (reply.kind === 'full') return { version: reply.version, view: reply.view };
  if (!held || held.version !== reply.base) return null;
  const { parent: parentPatch, children: childPatches, ...rest } = reply.patch;
  const prev = held.view;
  if (childPatches.length !== prev.children.length) return null;
  const parent = applyProgram(prev.parent, parentPatch);
  const children = prev.children.map((child, i) => applyProgram(child, childPatches[i]));
  if (!parent || children.some((child) => child === null)) return null;
  // Every other field of the view is sent whole when it changed.
  return { version: reply.version, view: { ...prev, ...rest, parent, children: children as ProgramView[] } };
}
