// The hover over a call site: each effect the call yields, what the ceiling decided and what the parent's grant
// decided — as Markdown with every user-derived string escaped.
import type { EffectHover } from '../../state/analysisTypes.ts';

const ICON: Record<string, string> = { granted: '✔', covered: '✔', unconstrained: '○', unchecked: '○', dropped: '⊘', violation: '✖' };

/** Escapes Markdown punctuation so resource names and paths render as text. `:` too: the renderer turns a bare
 * `https://…` into a link (and the link would take in the backslash of an escaped `)` after it). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~:]/g, '\\$&');
}

export function hoverMarkdown(hover: EffectHover): string[] {
  const effects = hover.effects.map((e) => {
    const ceiling = `${ICON[e.ceiling.decision] ?? ''} ceiling: ${e.ceiling.decision} — ${escapeMarkdown(e.ceiling.reason)}`;
    const parent = `${ICON[e.parent.decision] ?? ''} parent: ${e.parent.decision} — ${escapeMarkdown(e.parent.reason)}`;
    return `**${escapeMarkdown(e.summary)}**\n\n${ceiling}\n\n${parent}`;
  });
  return [...effects, ...(hover.notes ?? []).map((note) => `⚠ ${escapeMarkdown(note)}`)];
}
