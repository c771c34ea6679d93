// One capability in the ceiling form: allowed or not, and which ops (none ticked = any op).
interface CapabilityRowProps {
  name: string;
  knownOps: readonly string[];
  /** The allowed ops ([] = any op), or null when the capability is not listed. */
  ops: string[] | null;
  onChange: (ops: string[] | null) => void;
}

export default function CapabilityRow({ name, knownOps, ops, onChange }: CapabilityRowProps) {
  const allOps = [...new Set([...knownOps, ...(ops ?? [])])];
  return (
    <div className="capability-row">
      <label className="check">
        <input type="checkbox" checked={ops !== null} onChange={(e) => onChange(e.target.checked ? [] : null)} />
        <code>{name}</code>
      </label>
      {ops !== null ? (
        <span className="ops" role="group" aria-label={`Ops allowed for ${name}`}>
          {allOps.map((op) => (
            <label key={op} className="check op">
              <input type="checkbox" checked={ops.includes(op)} onChange={(e) => onChange(e.target.checked ? [...ops, op] : ops.filter((o) => o !== op))} />
              {op}
            </label>
          ))}
          {ops.length === 0 ? <span className="muted">(any op)</span> : null}
        </span>
      ) : null}
    </div>
  );
}
