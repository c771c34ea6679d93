// The CapabilityPolicy fields harn keeps but the seed's effect clamp does not read (workspace_roots, recursion_limit,
// tool_arg_constraints, tool_annotations): shown so a pasted policy never looks trimmed; edited in the JSON view.
import type { Ceiling } from '../../core/scenario/types.ts';

function kept(ceiling: Ceiling): { field: string; value: string }[] {
  const out: { field: string; value: string }[] = [];
  if (ceiling.workspace_roots && ceiling.workspace_roots.length > 0) out.push({ field: 'workspace_roots', value: ceiling.workspace_roots.join(', ') });
  if (ceiling.recursion_limit !== undefined && ceiling.recursion_limit !== null) out.push({ field: 'recursion_limit', value: String(ceiling.recursion_limit) });
  for (const c of ceiling.tool_arg_constraints ?? [])
    out.push({ field: 'tool_arg_constraints', value: `${c.tool}${c.arg_key === null ? '' : `.${c.arg_key}`} ~ ${c.arg_patterns.join(' | ') || '(no patterns)'}` });
  const annotated = Object.keys(ceiling.tool_annotations ?? {});
  if (annotated.length > 0) out.push({ field: 'tool_annotations', value: annotated.join(', ') });
  return out;
}

export default function KeptFields({ ceiling }: { ceiling: Ceiling }) {
  const rows = kept(ceiling);
  if (rows.length === 0) return null;
  return (
    <div className="kept-fields" aria-label="Fields kept, not used by the effect clamp">
      <p className="muted">Kept; not used by the effect clamp (edit them in the JSON view):</p>
      <ul>
        {rows.map((row, i) => (
          <li key={i}>
            <code>{row.field}</code>: <span>{row.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
