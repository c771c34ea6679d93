// One added thread-local's card: which calls read it, whether a child inherits it at spawn, and the decision
// the drift guard forces (Captured, or Uncaptured with a reason). Until decided it is flagged.
import type { CustomSlot, SlotReadKind } from '../../core/scenario/customSlots.ts';
import { useStore } from '../../state/store.ts';

// A Record over the type, so a read kind added in core fails the type-check here until it has a label.
const READ_LABELS: Record<SlotReadKind, string> = { fs: 'fs', net: 'net', llm: 'model', process: 'process', host: 'host', any: 'every check' };
const SLOT_READ_KINDS = Object.keys(READ_LABELS) as SlotReadKind[];

export default function AddedSlotEditor({ slot, flag }: { slot: CustomSlot; flag: string | null }) {
  const update = useStore((s) => s.updateSlot);
  const remove = useStore((s) => s.removeSlot);
  const id = `slot-${slot.name}`;
  const toggleRead = (kind: SlotReadKind, on: boolean) =>
    update(slot.name, { reads: on ? SLOT_READ_KINDS.filter((k) => k === kind || slot.reads.includes(k)) : slot.reads.filter((k) => k !== kind) });
  return (
    <fieldset className={`added-slot${flag ? ' flagged' : ''}`} aria-labelledby={`${id}-name`}>
      <legend id={`${id}-name`}>
        <code>{slot.name}</code>
      </legend>
      {flag ? (
        <p className="slot-flag" role="status">
          <span aria-hidden="true">⚠ </span>
          {flag}
        </p>
      ) : null}
      <div className="slot-fields">
        <label>
          Shape{' '}
          <select value={slot.shape} onChange={(e) => update(slot.name, { shape: e.target.value as CustomSlot['shape'] })}>
            <option value="stack">stack</option>
            <option value="depth">depth</option>
            <option value="option">option</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={slot.inherited} onChange={(e) => update(slot.name, { inherited: e.target.checked })} /> inherited at spawn
        </label>
      </div>
      <div className="slot-reads" role="group" aria-label={`Calls that read ${slot.name}`}>
        Read by:
        {SLOT_READ_KINDS.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={slot.reads.includes(kind)} onChange={(e) => toggleRead(kind, e.target.checked)} /> {READ_LABELS[kind]}
          </label>
        ))}
      </div>
      <div className="slot-decision" role="radiogroup" aria-label={`Decision for ${slot.name}`}>
        {(['captured', 'uncaptured', null] as const).map((scoping) => (
          <label key={String(scoping)}>
            <input
              type="radio"
              name={`${id}-decision`}
              checked={slot.scoping === scoping}
              onChange={() => update(slot.name, scoping === 'captured' ? { scoping, reason: '' } : { scoping })}
            />{' '}
            {scoping === 'captured' ? 'Captured' : scoping === 'uncaptured' ? 'Uncaptured' : 'not decided'}
          </label>
        ))}
      </div>
      {slot.scoping === 'uncaptured' ? (
        <label className="slot-reason">
          Why it is safe to leave out of the scope
          <textarea value={slot.reason} maxLength={1000} rows={2} onChange={(e) => update(slot.name, { reason: e.target.value })} />
        </label>
      ) : null}
      <button type="button" className="link-button" onClick={() => remove(slot.name)}>
        Remove {slot.name}
      </button>
    </fieldset>
  );
}
