// The seed's catalog tests (captured_catalog_matches_scope_fields, audited_latent_capabilities_are_cataloged,
// and the drift guard as "every scope field ↔ catalog entry" / "every name has the ambient shape").
import { describe, expect, it } from 'vitest';
import { AMBIENT_SLOT_NAMES } from '../../../src/core/scenario/slots.ts';
import {
  AMBIENT_THREAD_LOCAL_CATALOG,
  AUDITED_LATENT_CAPABILITIES,
  DEFAULT_CAPTURE_SET,
  INHERITED_SLOTS,
  SCOPE_FIELD_SLOTS,
  SLOT_NAMES,
  isAmbientShapeName,
} from '../../../src/core/scheduler/index.ts';

const capturedNames = () =>
  AMBIENT_THREAD_LOCAL_CATALOG.filter((s) => s.scoping.kind === 'captured').map((s) => s.name);

describe('the ambient thread-local catalog', () => {
  it('captured_catalog_matches_scope_fields: the Captured set is exactly the scope fields swap_in swaps', () => {
    expect(new Set(capturedNames())).toEqual(new Set(SCOPE_FIELD_SLOTS));
    expect(capturedNames()).toHaveLength(13);
    expect(AMBIENT_THREAD_LOCAL_CATALOG.length - capturedNames().length).toBe(15);
  });

  it('audited_latent_capabilities_are_cataloged: each stays Uncaptured with its [latent-capability] tag', () => {
    for (const latent of AUDITED_LATENT_CAPABILITIES) {
      const entry = AMBIENT_THREAD_LOCAL_CATALOG.find((s) => s.name === latent);
      expect(entry, `${latent} missing from the catalog`).toBeDefined();
      expect(entry!.scoping.kind).toBe('uncaptured');
      if (entry!.scoping.kind === 'uncaptured')
        expect(entry!.scoping.reason).toContain('[latent-capability]');
    }
  });

  it('drift: every scope field has a catalog entry and every catalog entry a unique name', () => {
    for (const field of SCOPE_FIELD_SLOTS) expect(SLOT_NAMES).toContain(field);
    for (const inherited of INHERITED_SLOTS) expect(SCOPE_FIELD_SLOTS).toContain(inherited);
    expect(new Set(SLOT_NAMES).size).toBe(SLOT_NAMES.length);
  });

  it('drift: every cataloged name has the ambient shape, and its slot shape follows the name', () => {
    for (const slot of AMBIENT_THREAD_LOCAL_CATALOG) {
      expect(isAmbientShapeName(slot.name), slot.name).toBe(true);
      const expected = /_STACK$|_CTX$/.test(slot.name)
        ? 'stack'
        : /_DEPTH$/.test(slot.name)
          ? 'depth'
          : 'option';
      expect(slot.shape, slot.name).toBe(expected);
    }
    expect(isAmbientShapeName('SOME_CACHE')).toBe(false);
  });

  it('keeps the uncaptured reasons written by the audit, word for word', () => {
    const reason = (name: string) => {
      const scoping = AMBIENT_THREAD_LOCAL_CATALOG.find((s) => s.name === name)!.scoping;
      return scoping.kind === 'uncaptured' ? scoping.reason : null;
    };
    expect(reason('CURRENT_SESSION_STACK')).toBe(
      'agent_sessions.rs session breadcrumb; each worker opens its own session at startup. Audited 2026-06-28: not read across a child await.',
    );
    expect(reason('ACTIVE_TENANT_STACK')).toBe(
      '[latent-capability] harness_tenant.rs tenant identity; not set per-worker today.',
    );
    expect(
      AMBIENT_THREAD_LOCAL_CATALOG.every((s) => s.scoping.kind === 'captured' || reason(s.name)!.length > 20),
    ).toBe(true);
  });

  it('lists the same 28 names in the same order as the scenario schema', () => {
    expect(SLOT_NAMES).toEqual([...AMBIENT_SLOT_NAMES]);
    expect(DEFAULT_CAPTURE_SET).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
