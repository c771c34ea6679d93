// Header: the examples menu. Placeholder: the run-side helper fills it in.
export default function ExamplesMenu() {
  return (
    <button type="button" className="header-button" disabled>
      Examples ▾
    </button>
  );
}
