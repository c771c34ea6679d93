// The store's scenario, analysis and UI slices: edits, child names, stale worker replies, reveal requests.
import { beforeEach, describe, expect, it } from 'vitest';
import { createViewAnalyzer } from '../../src/core/index.ts';
import { analysisInput } from '../../src/state/sync/analysis.ts';
import { resetStore, useStore } from '../../src/state/store.ts';

beforeEach(() => resetStore());

describe('scenario slice', () => {
  it('adds a child with a fresh name and selects it', () => {
    const name = useStore.getState().addChild();
    expect(name).toBe('gamma');
    expect(useStore.getState().scenario.children.map((c) => c.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(useStore.getState().selectedTab).toBe('gamma');
  });

  it('refuses a ninth child', () => {
    for (let i = 0; i < 6; i++) expect(useStore.getState().addChild()).not.toBeNull();
    expect(useStore.getState().addChild()).toBeNull();
    expect(useStore.getState().scenario.children).toHaveLength(8);
  });

  it('renames a child, carrying its selection and ceiling draft', () => {
    const s = useStore.getState();
    s.selectTab('alpha');
    s.setCeilingDraft('alpha', { text: '{', errors: [{ path: '', message: 'bad' }] });
    expect(s.renameChild('alpha', 'writer')).toBeNull();
    const after = useStore.getState();
    expect(after.scenario.children[0]!.name).toBe('writer');
    expect(after.selectedTab).toBe('writer');
    expect(after.ceilingDrafts.get('writer')?.text).toBe('{');
    expect(after.ceilingDrafts.get('alpha')).toBeUndefined();
  });

  it.each(Object.getOwnPropertyNames(Object.prototype))('renames a child to %s, drafts and sources keyed by it like any name', (name) => {
    const s = useStore.getState();
    expect(useStore.getState().ceilingDrafts.get(name)).toBeUndefined();
    s.setCeilingDraft('alpha', { text: '{', errors: [] });
    expect(s.renameChild('alpha', name)).toBeNull();
    const after = useStore.getState();
    expect(after.scenario.children[0]!.name).toBe(name);
    expect(after.ceilingDrafts.get(name)?.text).toBe('{');
    after.setSource(name, 'pipeline main() {}\n');
    after.beginAnalysis();
    expect(useStore.getState().analysisRequestSources.get(name)).toBe('pipeline main() {}\n');
    after.removeChild(name);
    expect(useStore.getState().ceilingDrafts.size).toBe(0);
  });

  it.each([
    ['beta', 'There is already a child named "beta".'],
    ['parent', '"parent" is the parent\'s name.'],
    ['', 'A child needs a name.'],
    ['9lives', 'Use letters, digits'],
  ])('rejects the name %j with a reason and changes nothing', (name, reason) => {
    const before = useStore.getState().scenario;
    expect(useStore.getState().renameChild('alpha', name)).toContain(reason);
    expect(useStore.getState().scenario).toBe(before);
  });

  it('removes a child and selects its neighbour', () => {
    const s = useStore.getState();
    s.selectTab('alpha');
    s.removeChild('alpha');
    expect(useStore.getState().scenario.children.map((c) => c.name)).toEqual(['beta']);
    expect(useStore.getState().selectedTab).toBe('beta');
  });

  it('edits the source of the parent and of one child only', () => {
    const s = useStore.getState();
    s.setSource('parent', 'pipeline main() {}');
    s.setSource('beta', 'fn main() {}');
    const { scenario } = useStore.getState();
    expect(scenario.parent.source).toBe('pipeline main() {}');
    expect(scenario.children[1]!.source).toBe('fn main() {}');
    expect(scenario.children[0]!.source).toContain('alpha');
  });
});

describe('analysis slice', () => {
  it('keeps only the reply to the latest request', () => {
    const s = useStore.getState();
    const reply = createViewAnalyzer().analyze(analysisInput(useStore.getState()), null);
    const first = s.beginAnalysis();
    const second = useStore.getState().beginAnalysis();
    expect(useStore.getState().receiveAnalysis(first, reply)).toBe('stale');
    expect(useStore.getState().analysis).toBeNull();
    expect(useStore.getState().receiveAnalysis(second, reply)).toBe('stored');
    expect(reply.kind).toBe('full');
    expect(useStore.getState().analysis).toBe(reply.kind === 'full' ? reply.view : null);
    expect(useStore.getState().analysisVersion).toBe(reply.version);
  });

  it('applies a patch to the view it holds, keeping the rows it does not change', () => {
    const analyzer = createViewAnalyzer();
    const send = () => {
      const id = useStore.getState().beginAnalysis();
      return useStore.getState().receiveAnalysis(id, analyzer.analyze(analysisInput(useStore.getState()), useStore.getState().analysisVersion));
    };
    expect(send()).toBe('stored');
    const before = useStore.getState().analysis!.children[1]!;
    const source = useStore.getState().scenario.children[1]!.source;
    // A space at the end of the first line: no call moves, so no row changes.
    const firstLineEnd = source.indexOf('\n');
    useStore.getState().setSource('beta', `${source.slice(0, firstLineEnd)} ${source.slice(firstLineEnd)}`);
    const id = useStore.getState().beginAnalysis();
    const reply = analyzer.analyze(analysisInput(useStore.getState()), useStore.getState().analysisVersion);
    expect(reply.kind).toBe('patch');
    expect(useStore.getState().receiveAnalysis(id, reply)).toBe('stored');
    const after = useStore.getState().analysis!.children[1]!;
    expect(after.requested).toBe(before.requested);
    // A line above every call moves them all down: new rows, with the new lines.
    useStore.getState().setSource('beta', `\n${useStore.getState().scenario.children[1]!.source}`);
    expect(send()).toBe('stored');
    const moved = useStore.getState().analysis!.children[1]!;
    expect(moved.requested.map((row) => row.sites.map((site) => site.line))).toEqual(before.requested.map((row) => row.sites.map((site) => site.line + 1)));
  });

  it('refuses a patch against a view it does not hold, and asks for the whole view', () => {
    const analyzer = createViewAnalyzer();
    const input = analysisInput(useStore.getState());
    const full = analyzer.analyze(input, null);
    const patch = analyzer.analyze(input, full.version);
    expect(patch.kind).toBe('patch');
    const id = useStore.getState().beginAnalysis();
    expect(useStore.getState().receiveAnalysis(id, patch)).toBe('resync');
    expect(useStore.getState().analysis).toBeNull();
    expect(useStore.getState().analysisVersion).toBeNull();
    // The worker answers a request that holds nothing with the whole view.
    expect(analyzer.analyze(input, null).kind).toBe('full');
  });

  it('reports a worker failure only for the latest request', () => {
    const first = useStore.getState().beginAnalysis();
    const second = useStore.getState().beginAnalysis();
    expect(useStore.getState().failAnalysis(first, 'old')).toBe(false);
    expect(useStore.getState().failAnalysis(second, 'boom')).toBe(true);
    expect(useStore.getState().analysisError).toBe('boom');
  });
});

describe('ui slice', () => {
  it('a reveal selects the tab and counts repeated clicks on the same range', () => {
    const s = useStore.getState();
    s.reveal('beta', { start: 0, end: 4 });
    const first = useStore.getState().revealRequest!;
    s.reveal('beta', { start: 0, end: 4 });
    const second = useStore.getState().revealRequest!;
    expect(useStore.getState().selectedTab).toBe('beta');
    expect(second.at).toEqual({ start: 0, end: 4 });
    expect(second.nonce).toBe(first.nonce + 1);
  });
});

describe('run slice', () => {
  it('a failed simulation takes the older trace off screen and keeps the step for the next one', async () => {
    const { simulate, findExample } = await import('../../src/core/index.ts');
    const s = useStore.getState();
    const first = s.beginSimulation();
    s.receiveSimulation(first, simulate(findExample('f1-cwd-env')!.scenario));
    useStore.getState().setStep(12);
    const second = useStore.getState().beginSimulation();
    expect(useStore.getState().failSimulation(second, 'stopped answering')).toBe(true);
    expect(useStore.getState().simulation).toBeNull();
    expect(useStore.getState().simulationError).toBe('stopped answering');
    expect(useStore.getState().pendingStep).toBe(12);
  });
});
