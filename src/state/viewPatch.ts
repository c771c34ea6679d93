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

function applyList<T extends object>(prev: T[], patch: ListPatch<T> | undefined): T[] | null {
  if (patch === undefined) return prev;
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

function applyProgram(prev: ProgramView, patch: ProgramPatch | null | undefined): ProgramView | null {
  if (!patch) return prev;
  const requested = applyList(prev.requested, patch.requested);
  const dropped = applyList(prev.dropped, patch.dropped);
  const granted = applyList(prev.granted, patch.granted);
  const violations = applyList(prev.violations, patch.violations);
  const unseen = applyList(prev.unseen, patch.unseen);
  const expectations = applyList(prev.expectations, patch.expectations);
  const diagnostics = applyList(prev.diagnostics, patch.diagnostics);
  if (!requested || !dropped || !granted || !violations || !unseen || !expectations || !diagnostics) return null;
  return {
    name: patch.name,
    parsed: patch.parsed,
    violationsChecked: patch.violationsChecked,
    requested,
    dropped,
    granted,
    violations,
    unseen,
    expectations,
    diagnostics,
    lints: patch.lints ?? prev.lints,
  };
}

/** The view after `reply`, or null when `reply` is a patch that does not apply to `held` (ask for the whole view). */
export function applyViewReply(held: HeldView | null, reply: ViewReply): HeldView | null {
  if (reply.kind === 'full') return { version: reply.version, view: reply.view };
  if (!held || held.version !== reply.base) return null;
  const { patch } = reply;
  const prev = held.view;
  if (patch.children.length !== prev.children.length) return null;
  const parent = applyProgram(prev.parent, patch.parent);
  const children = prev.children.map((child, i) => applyProgram(child, patch.children[i]));
  if (!parent || children.some((child) => child === null)) return null;
  return {
    version: reply.version,
    view: {
      parent,
      children: children as ProgramView[],
      parentEffects: patch.parentEffects === undefined ? prev.parentEffects : patch.parentEffects,
      parentEffectsSource: patch.parentEffectsSource,
      grantErrors: patch.grantErrors ?? prev.grantErrors,
      ceilingErrors: patch.ceilingErrors ?? prev.ceilingErrors,
      playgroundSpawns: patch.playgroundSpawns ?? prev.playgroundSpawns,
    },
  };
}
