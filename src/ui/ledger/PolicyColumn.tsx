// The middle column: for a child, its effects ledger, ceiling editor and lints; for the parent, its grant.
import { useStore } from '../../state/store.ts';
import CeilingEditor from './CeilingEditor.tsx';
import EffectsLedger from './EffectsLedger.tsx';
import LintList from './LintList.tsx';
import ParentPolicy from './ParentPolicy.tsx';
import PolicyUndoNotice from './PolicyUndoNotice.tsx';

export default function PolicyColumn() {
  const tab = useStore((s) => s.selectedTab);
  const parent = useStore((s) => s.scenario.parent.name);
  const isChild = useStore((s) => s.scenario.children.some((c) => c.name === tab));
  if (!isChild)
    return (
      <>
        <PolicyUndoNotice />
        <ParentPolicy parent={parent} />
      </>
    );
  return (
    <div className="policy-column">
      <PolicyUndoNotice />
      <h2>Effects ledger ({tab})</h2>
      <EffectsLedger child={tab} />
      <CeilingEditor child={tab} />
      <LintList program={tab} />
    </div>
  );
}
