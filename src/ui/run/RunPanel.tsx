// The right-hand column: scheduler stepper and explorer. Placeholder: the run-side helper fills it in.
export default function RunPanel() {
  return (
    <section className="run-panel" aria-label="Run">
      <h2>Run</h2>
    </section>
  );
}
