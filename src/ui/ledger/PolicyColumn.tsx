// The middle column: for a child, its effects ledger, ceiling editor and lints; for the parent, its grant.
import { useStore } from '../../state/store.ts';

export default function PolicyColumn() {
  const tab = useStore((s) => s.selectedTab);
  return (
    <div className="policy-column">
      <h2>Effects ledger ({tab})</h2>
    </div>
  );
}
