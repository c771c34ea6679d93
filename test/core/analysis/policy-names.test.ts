// Property: every user-keyed map of a policy (capabilities, tool_annotations) keeps every key, including the names of
// Object.prototype's members, through JSON text, a Harn dict literal, serde decoding, the scenario loader and the
// clamp — and the clamp treats each as an ordinary capability name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ceilingDropReason,
  decodePolicy,
  effectRecord,
  loadScenario,
  minimizeScenario,
  parseCeiling,
  policyToHarn,
} from '../../../src/core/index.ts';

const PROTO_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', 'workspace', 'network'];
const name = fc.constantFrom(...PROTO_NAMES);
const ops = fc.array(fc.constantFrom('read_text', 'write_text', 'http', 'toString', '__proto__'), { maxLength: 3 });
const policy = fc.record({
  capabilities: fc.uniqueArray(fc.tuple(name, ops), { selector: ([key]) => key, maxLength: 5 }),
  tool_annotations: fc.uniqueArray(fc.tuple(name, fc.constantFrom({ readOnlyHint: true }, {})), { selector: ([key]) => key, maxLength: 3 }),
});

// JSON text written by hand so "__proto__" is an own key in the text (an object literal would set the prototype).
function jsonText(p: { capabilities: [string, string[]][]; tool_annotations: [string, object][] }): string {
  const map = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
  return `{"capabilities":${map(p.capabilities)},"tool_annotations":${map(p.tool_annotations)}}`;
}

describe('policy maps keyed by Object.prototype member names', () => {
  it('keep every key through JSON, Harn, decoding, the loader and the clamp', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const keys = p.capabilities.map(([k]) => k);
        const parsed = parseCeiling(jsonText(p));
        expect(parsed.errors).toEqual([]);
        const value = parsed.value!;
        expect(Object.keys(value.capabilities ?? {})).toEqual(keys);
        expect(Object.keys(value.tool_annotations ?? {})).toEqual(p.tool_annotations.map(([k]) => k));
        // Back and forth through a Harn dict literal gives the same policy.
        const again = parseCeiling(policyToHarn(value));
        expect(again.errors).toEqual([]);
        expect(again.syntax).toBe('harn');
        // (Harn text leaves serde defaults out, so compare what is set.)
        expect(policyToHarn(again.value!)).toBe(policyToHarn(value));
        expect(Object.keys(again.value!.capabilities ?? {})).toEqual(keys);
        // Through the scenario loader and back out.
        const scenario = loadScenario(JSON.parse(`{"version":1,"parent":{"source":""},"children":[{"name":"a","source":"","ceiling":${jsonText(p)}}]}`)).value!;
        expect(Object.keys(scenario.children[0]!.ceiling!.capabilities)).toEqual(keys);
        expect(JSON.stringify(minimizeScenario(scenario).children![0]!.ceiling!.capabilities ?? {})).toBe(JSON.stringify(value.capabilities));
        // The clamp: an fs read is kept exactly when workspace lists read_text (or any op); other names allow nothing.
        const ws = p.capabilities.find(([k]) => k === 'workspace')?.[1];
        const kept = keys.length === 0 || (ws !== undefined && (ws.length === 0 || ws.includes('read_text')));
        expect(ceilingDropReason(effectRecord({ kind: 'fs' }, 'read'), decodePolicy(value).value!) === null).toBe(kept);
      }),
      { numRuns: 300 },
    );
  });
});
