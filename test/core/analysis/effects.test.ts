// Every #[test] of shared/seeds/effects.rs, same names, same sources, same assertions.
import { describe, expect, it } from 'vitest';
import {
  computeHandoffEffects,
  effectKindLabel,
  effectRecord,
  effectRecordSummary,
  effectsFromJson,
  effectsFromMetadata,
  effectSubsetViolations,
  effectsToJson,
  effectWithResource,
  llmKind,
  type CapabilityPolicy,
  type EffectRecord,
} from '../../../src/core/analysis/index.ts';

const withResource = effectWithResource;

describe('effects.rs tests', () => {
  it('harness_net_call_yields_net_effect', () => {
    const source = 'fn main(harness: Harness) { harness.net.get("https://example.test") }';
    const effects = computeHandoffEffects(source, null);
    expect(effects.some((e) => e.kind.kind === 'net' && e.scope === 'write'), JSON.stringify(effects)).toBe(true);
  });

  it('http_get_builtin_yields_net_effect_with_resource', () => {
    const source = 'fn main() { http_get("https://example.test/api") }';
    const effects = computeHandoffEffects(source, null);
    const net = effects.find((e) => e.kind.kind === 'net');
    expect(net).toBeDefined();
    expect(net!.scope).toBe('write');
    expect(net!.resource).toBe('https://example.test/api');
  });

  it('harness_fs_write_yields_fs_write_effect', () => {
    const source = 'fn main(harness: Harness) { harness.fs.write_file("/tmp/out", "hi") }';
    const effects = computeHandoffEffects(source, null);
    expect(effects.some((e) => e.kind.kind === 'fs' && e.scope === 'write'), JSON.stringify(effects)).toBe(true);
  });

  it('llm_call_emits_llm_effect_with_provider_and_model', () => {
    const source = `fn main() {
            llm_call("summarize", { provider: "anthropic", model: "claude-3-5-sonnet" })
        }`;
    const effects = computeHandoffEffects(source, null);
    const llm = effects.find((e) => e.kind.kind === 'llm');
    expect(llm).toBeDefined();
    expect(llm!.kind).toEqual({ kind: 'llm', provider: 'anthropic', model: 'claude-3-5-sonnet' });
  });

  it('ceiling_drops_disallowed_capabilities', () => {
    const source = `fn main(harness: Harness) {
            harness.net.get("https://example.test")
            harness.fs.read_file("/tmp/in")
        }`;
    const ceiling: CapabilityPolicy = { capabilities: { workspace: ['read_text'] } };
    const effects = computeHandoffEffects(source, ceiling);
    expect(effects.every((e) => e.kind.kind !== 'net'), 'ceiling without `network` should drop Net effect').toBe(true);
    expect(effects.some((e) => e.kind.kind === 'fs'), 'ceiling with workspace.read_text should keep Fs read').toBe(true);
  });

  it('ceiling_side_effect_level_clamps_writes', () => {
    const source = `fn main(harness: Harness) {
            harness.net.get("https://example.test")
            println("hi")
        }`;
    const ceiling: CapabilityPolicy = { side_effect_level: 'read_only' };
    const effects = computeHandoffEffects(source, ceiling);
    expect(effects.every((e) => e.kind.kind !== 'net'), 'read_only ceiling must drop Net write').toBe(true);
    expect(effects.some((e) => e.kind.kind === 'stdio'), 'stdio observe should pass read_only ceiling').toBe(true);
  });

  it('effect_record_round_trips_through_serde', () => {
    const effects: EffectRecord[] = [
      withResource(effectRecord({ kind: 'net' }, 'write'), 'https://api.example/v1'),
      withResource(effectRecord({ kind: 'fs' }, 'read'), '/workspace/src'),
      effectRecord(llmKind('anthropic', 'claude-3-7-sonnet'), 'write'),
      effectRecord({ kind: 'tool', name: 'search' }, 'read'),
    ];
    const encoded = effectsToJson(effects);
    const decoded = effectsFromJson(encoded);
    expect(decoded.value).toEqual(effects);
  });

  it('empty_source_returns_no_effects', () => {
    expect(computeHandoffEffects('fn main() {}', null)).toEqual([]);
  });

  it('effects_from_metadata_round_trips_typed_payload', () => {
    const effects = [withResource(effectRecord({ kind: 'net' }, 'write'), 'https://api.example')];
    const metadata = { effects: JSON.parse(effectsToJson(effects)) as unknown };
    expect(effectsFromMetadata(metadata)).toEqual(effects);
  });

  it('subset_violations_returns_empty_when_child_covered', () => {
    const parent = [effectRecord({ kind: 'net' }, 'write'), withResource(effectRecord({ kind: 'fs' }, 'read'), '/workspace')];
    const child = [
      withResource(effectRecord({ kind: 'net' }, 'write'), 'https://example.test'),
      withResource(effectRecord({ kind: 'fs' }, 'read'), '/workspace'),
    ];
    expect(effectSubsetViolations(parent, child)).toEqual([]);
  });

  it('subset_violations_flags_unmatched_kinds', () => {
    const parent = [effectRecord({ kind: 'fs' }, 'read')];
    const child = [withResource(effectRecord({ kind: 'net' }, 'write'), 'https://example.test')];
    const violations = effectSubsetViolations(parent, child);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.kind.kind).toBe('net');
  });

  it('subset_violations_flags_scope_escalations', () => {
    const parent = [effectRecord({ kind: 'fs' }, 'read')];
    const child = [effectRecord({ kind: 'fs' }, 'mutate')];
    const violations = effectSubsetViolations(parent, child);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.scope).toBe('mutate');
  });

  it('subset_violations_treats_missing_parent_resource_as_wildcard', () => {
    const parent = [effectRecord({ kind: 'net' }, 'write')];
    const child = [withResource(effectRecord({ kind: 'net' }, 'write'), 'https://api.example/v1')];
    expect(effectSubsetViolations(parent, child)).toEqual([]);
  });

  it('subset_violations_requires_resource_match_when_parent_declares_one', () => {
    const parent = [withResource(effectRecord({ kind: 'net' }, 'write'), 'https://allowed.test')];
    const child = [withResource(effectRecord({ kind: 'net' }, 'write'), 'https://disallowed.test')];
    expect(effectSubsetViolations(parent, child)).toHaveLength(1);
  });

  it('subset_violations_skip_when_parent_is_none', () => {
    const child = [effectRecord({ kind: 'net' }, 'write')];
    expect(effectSubsetViolations(null, child)).toEqual([]);
  });

  it('subset_violations_empty_parent_flags_every_child_effect', () => {
    const parent: EffectRecord[] = [];
    const child = [effectRecord({ kind: 'net' }, 'write'), effectRecord({ kind: 'fs' }, 'read')];
    expect(effectSubsetViolations(parent, child)).toHaveLength(2);
  });

  it('subset_violations_empty_child_is_always_allowed', () => {
    const parent = [effectRecord({ kind: 'net' }, 'write')];
    expect(effectSubsetViolations(parent, [])).toEqual([]);
  });

  it('effect_kind_label_shape', () => {
    expect(effectKindLabel({ kind: 'net' })).toBe('net');
    expect(effectKindLabel(llmKind('anthropic', 'claude-3-7-sonnet'))).toBe('llm:anthropic/claude-3-7-sonnet');
    expect(effectKindLabel({ kind: 'tool', name: 'search' })).toBe('tool:search');
  });

  it('effect_record_summary_includes_resource', () => {
    const effect = withResource(effectRecord({ kind: 'net' }, 'write'), 'https://example.test/api');
    expect(effectRecordSummary(effect)).toBe('net:write (https://example.test/api)');
  });

  it('deduplicates_repeated_effects', () => {
    const source = `fn main() {
            http_get("https://example.test")
            http_get("https://example.test")
            http_get("https://example.test")
        }`;
    const effects = computeHandoffEffects(source, null);
    expect(effects.filter((e) => e.kind.kind === 'net')).toHaveLength(1);
  });
});
