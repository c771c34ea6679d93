// "Compare with a pinned policy": pin the current ceilings and grant, edit, and see for every child which effects
// changed decision (newly dropped, newly allowed, newly escaping, no longer escaping).
import { useStore } from '../../state/store.ts';
import { changesSincePin, usePinStore, type DecisionChangeRows } from './pinnedPolicy.ts';

const LABELS: [keyof DecisionChangeRows, string][] = [
  ['newlyDropped', 'newly dropped'],
  ['newlyAllowed', 'newly allowed'],
  ['newlyEscaping', 'newly escaping'],
  ['noLongerEscaping', 'no longer escaping'],
];

export default function PinCompare() {
  const view = useStore((s) => s.analysis);
  const { pinned, pin, unpin } = usePinStore();
  if (!view) return null;
  const rows = view.children.map((c) => ({
    name: c.name,
    changes: changesSincePin(pinned?.get(c.name), { granted: c.granted.map((r) => r.summary), dropped: c.dropped.map((r) => r.summary), escaping: c.violations.map((r) => r.summary) }),
  }));
  const changed = rows.filter((r) => LABELS.some(([key]) => r.changes[key].length > 0));
  return (
    <section className="pin-compare" aria-labelledby="pin-compare-heading">
      <div className="section-head">
        <h3 id="pin-compare-heading">Compare policies</h3>
        {pinned ? (
          <button type="button" className="small-button" onClick={unpin}>
            Unpin
          </button>
        ) : (
          <button type="button" className="small-button" onClick={() => pin(view)}>
            Pin current policies
          </button>
        )}
      </div>
      {!pinned ? (
        <p className="muted">Pin the ceilings and grant as they are, then edit them: every child's changed decisions show here.</p>
      ) : changed.length === 0 ? (
        <p className="muted" role="status">
          No decision changed since the pin.
        </p>
      ) : (
        <ul className="pin-changes" role="status">
          {changed.map((r) => (
            <li key={r.name}>
              <strong>{r.name}</strong>
              <ul>
                {LABELS.flatMap(([key, label]) =>
                  r.changes[key].map((summary) => (
                    <li key={`${key}:${summary}`} className={`pin-${key}`}>
                      {label}: <code>{summary}</code>
                    </li>
                  )),
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
