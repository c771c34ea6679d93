// Pure helpers of issue 15's screen: bad-link sentences said once, embed addresses, merged scrub markers, the
// slot a step is about, and the lanes SVG escaping what it writes.
import { describe, expect, it } from 'vitest';
import { findExample, simulate } from '../../src/core/index.ts';
import { appUrlOf, embedUrlOf, iframeSnippet, isEmbedUrl } from '../../src/ui/embed/embedUrl.ts';
import { lanesSvg } from '../../src/ui/run/lanesSvg.ts';
import { markerGroupName } from '../../src/ui/run/ScrubBar.tsx';
import { currentSlotOf, groupMarkers, laneSegments, markersOf } from '../../src/ui/run/traceView.ts';
import { sentence } from '../../src/ui/share/format.ts';

const f1 = findExample('f1-cwd-env')!.scenario;

describe('bad-link banner sentences', () => {
  it.each([
    ['this link was made by a newer Harn Scope Lab (version 9); this one opens versions up to 1', 'This link was made by a newer Harn Scope Lab (version 9); this one opens versions up to 1.'],
    ['the link is empty.. ', 'The link is empty.'],
    ['', ''],
  ])('%j as a sentence: capitalised, one full stop', (message, shown) => {
    expect(sentence(message)).toBe(shown);
  });
});

describe('embed addresses', () => {
  it('recognises #…&embed=1 and ?embed, and turns an embed back into the playground address', () => {
    expect(isEmbedUrl({ hash: '#s=1.abc&embed=1', search: '' })).toBe(true);
    expect(isEmbedUrl({ hash: '#s=1.abc', search: '?embed' })).toBe(true);
    expect(isEmbedUrl({ hash: '#s=1.abc', search: '' })).toBe(false);
    expect(isEmbedUrl({ hash: '#s=1.embed=1x', search: '' })).toBe(false);
    expect(appUrlOf({ origin: 'https://lab.test', pathname: '/', search: '?embed', hash: '#s=1.abc' })).toBe('https://lab.test/#s=1.abc');
    expect(appUrlOf({ origin: 'https://lab.test', pathname: '/', search: '', hash: '#s=1.abc&embed=1' })).toBe('https://lab.test/#s=1.abc');
    expect(embedUrlOf('https://lab.test/#s=1.abc')).toBe('https://lab.test/?embed#s=1.abc');
    expect(embedUrlOf('https://lab.test/lab/?theme=dark#s=1.abc')).toBe('https://lab.test/lab/?embed&theme=dark#s=1.abc');
    expect(isEmbedUrl({ hash: '#s=1.abc', search: '?embed&theme=dark' })).toBe(true);
    expect(iframeSnippet('https://lab.test/#s=1.a"b')).toMatch(/^<iframe src="https:\/\/lab\.test\/\?embed#s=1\.a&quot;b" title="[^"]+"/);
  });
});

describe('scrub markers and the current slot', () => {
  const simulation = simulate(f1);
  const markers = markersOf(simulation);

  it('merges markers of a kind within the gap, names them by what happens, and keeps every marker in a group', () => {
    const crosswires = markers.filter((m) => m.kind === 'crosswire');
    const apart = groupMarkers(markers, 0);
    expect(apart.filter((g) => g.kind === 'crosswire')).toHaveLength(crosswires.length);
    const merged = groupMarkers(markers, simulation.steps.length);
    const group = merged.find((g) => g.kind === 'crosswire')!;
    expect(group.markers).toHaveLength(crosswires.length);
    expect(markerGroupName(group)).toMatch(new RegExp(`^${crosswires.length} cross-wires at steps \\d+ to \\d+; the first: alpha reads VM_EXECUTION_CONTEXT$`));
    expect(markerGroupName({ kind: 'crosswire', markers: [crosswires[0]!] })).toBe(`cross-wire at step ${crosswires[0]!.step + 1}, alpha reads VM_EXECUTION_CONTEXT`);
  });

  it("names the slot of F1's landing read, and none for a step about no slot", () => {
    expect(currentSlotOf(simulation, f1.view.step)).toBe('VM_EXECUTION_CONTEXT');
    const spawn = simulation.steps.find((s) => s.kind === 'spawn')!;
    expect(currentSlotOf(simulation, spawn.index)).toBeNull();
  });

  it('writes the lanes as SVG with escaped names and a titled mark per cross-wire', () => {
    const svg = lanesSvg({
      title: 'a <b> & c',
      tasks: simulation.tasks.map((t) => ({ name: t.name, color: '#123456' })),
      segments: laneSegments(simulation),
      markers,
      stepCount: simulation.steps.length,
      palette: { text: '#000', muted: '#666', track: '#eee', danger: '#c00', background: '#fff' },
    });
    expect(svg).toContain('a &lt;b&gt; &amp; c');
    expect(svg.match(/<title>cross-wire at step/g)).toHaveLength(markers.filter((m) => m.kind === 'crosswire').length);
  });
});
