// One line under the register file that says what every mark in it means.
export default function RegisterLegend() {
  return (
    <p className="register-legend">
      <span>
        <span aria-hidden="true">☑</span> captured: swapped per poll
      </span>
      <span>
        <span className="legend-dot" aria-hidden="true" /> colour: the task that owns the value
      </span>
      <span>
        <code>—</code> empty
      </span>
      <span>
        <code>[ ]</code> empty stack
      </span>
      <span>
        <code>+2</code> two more entries under the top
      </span>
      <span>
        <code>·</code> not in that scope (uncaptured, or the task is running)
      </span>
      <span>
        <code>⇐ in / ⇒ out</code> this poll’s swap
      </span>
    </p>
  );
}
