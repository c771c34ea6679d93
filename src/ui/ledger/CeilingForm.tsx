// The ceiling as a form: constrain or not, the highest side-effect level, capabilities → ops, tools.
// Each change takes effect at once (and replaces any JSON draft).
import type { Ceiling } from '../../core/scenario/types.ts';
import { editCeilingForm } from '../../state/policyEdits.ts';
import { useStore } from '../../state/store.ts';
import CapabilityRow from './CapabilityRow.tsx';
import { usePolicyVocabulary } from './usePolicyVocabulary.ts';

const EMPTY_CEILING: Ceiling = { capabilities: {}, side_effect_level: null, tools: [] };

export default function CeilingForm({ child }: { child: string }) {
  const ceiling = useStore((s) => s.scenario.children.find((c) => c.name === child)?.ceiling ?? null);
  const draftInvalid = useStore((s) => (s.ceilingDrafts.get(child)?.errors.length ?? 0) > 0);
  const vocabulary = usePolicyVocabulary();
  const update = (next: Ceiling | null) => editCeilingForm(child, next);
  const levels = vocabulary?.levels ?? [];
  const level = ceiling?.side_effect_level ?? null;
  const capabilityNames = [...new Set([...Object.keys(vocabulary?.capabilities ?? {}), ...Object.keys(ceiling?.capabilities ?? {})])];

  return (
    <form className="ceiling-form" onSubmit={(e) => e.preventDefault()}>
      {draftInvalid ? (
        <p className="field-warning" role="status">
          <span aria-hidden="true">⚠ </span>The JSON view holds invalid text; the form shows the ceiling in effect, and editing here replaces that text.
        </p>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={ceiling !== null} onChange={(e) => update(e.target.checked ? EMPTY_CEILING : null)} />
        Constrain {child} with a ceiling
      </label>
      {ceiling === null ? (
        <p className="muted">Unconstrained: every effect the program requests is granted.</p>
      ) : (
        <>
          <label className="field">
            Side-effect level (highest allowed)
            <select value={level ?? ''} onChange={(e) => update({ ...ceiling, side_effect_level: e.target.value === '' ? null : e.target.value })}>
              <option value="">not limited</option>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
              {level !== null && !levels.includes(level) ? <option value={level}>{level} (unknown level)</option> : null}
            </select>
          </label>
          <fieldset className="capabilities">
            <legend>Capabilities → ops {Object.keys(ceiling.capabilities).length === 0 ? '(none listed: no capability limit)' : ''}</legend>
            {capabilityNames.map((name) => (
              <CapabilityRow
                key={name}
                name={name}
                knownOps={(vocabulary && Object.hasOwn(vocabulary.capabilities, name) ? vocabulary.capabilities[name] : undefined) ?? []}
                ops={Object.hasOwn(ceiling.capabilities, name) ? (ceiling.capabilities[name] ?? []) : null}
                onChange={(ops) => {
                  // Rebuilt from entries (own data properties), so a capability named "__proto__" stays a key.
                  const entries = Object.entries(ceiling.capabilities).flatMap(([key, value]) => (key !== name ? [[key, value]] : ops === null ? [] : [[key, ops]]));
                  if (ops !== null && !Object.hasOwn(ceiling.capabilities, name)) entries.push([name, ops]);
                  const capabilities = Object.fromEntries(entries) as typeof ceiling.capabilities;
                  update({ ...ceiling, capabilities });
                }}
              />
            ))}
          </fieldset>
          <label className="field">
            Tools (comma-separated)
            <input
              type="text"
              value={ceiling.tools.join(', ')}
              onChange={(e) => update({ ...ceiling, tools: e.target.value.split(',').map((t) => t.trim()).filter((t) => t !== '') })}
            />
          </label>
        </>
      )}
    </form>
  );
}
