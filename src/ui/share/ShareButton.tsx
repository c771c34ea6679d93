// Header: copy a share link. Placeholder: the run-side helper fills it in.
export default function ShareButton() {
  return (
    <button type="button" className="header-button" disabled>
      Share
    </button>
  );
}
