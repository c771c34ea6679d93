// The seed's three catalog tests (drift_every_ambient_shape_thread_local_is_cataloged,
// captured_catalog_matches_scope_fields, audited_latent_capabilities_are_cataloged) ported to the core scan and
// catalog, on source trees built from the catalog itself, plus one case per skip rule of the scan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_DRIFT_CATALOG,
  DRIFT_MESSAGES,
  checkDrift,
  scanThreadLocals,
  threadLocalNameOf,
  type DriftCatalog,
  type DriftSourceFile,
} from '../../../src/core/index.ts';

const SEED = readFileSync(new URL('../../../../shared/seeds/ambient_scope.rs', import.meta.url), 'utf8');
// Rust joins a `\`-continued string literal by dropping the newline and the next line's leading whitespace.
const SEED_JOINED = SEED.replace(/\\\n\s*/g, '');

const CELL = { stack: 'RefCell<Vec<Frame>>', depth: 'RefCell<usize>', option: 'RefCell<Option<Record>>' };

/** A harn-vm `src/` tree holding exactly the catalog's thread-locals, one module per entry. */
function treeOf(catalog: DriftCatalog): DriftSourceFile[] {
  return catalog.entries.map((e) => ({
    path: `orchestration/${e.name.toLowerCase()}.rs`,
    text: `use std::cell::RefCell;\n\nthread_local! {\n    pub(crate) static ${e.name}: ${CELL[e.shape]} = ${CELL[e.shape]}::default();\n}\n`,
  }));
}

type Entry = DriftCatalog['entries'][number];

/** The catalog with some entries replaced (by name) or removed (null). */
const withEntries = (catalog: DriftCatalog, changes: Record<string, Entry | null>): DriftCatalog => ({
  ...catalog,
  entries: catalog.entries.flatMap((e) => {
    if (!Object.hasOwn(changes, e.name)) return [e];
    const changed = changes[e.name];
    return changed ? [changed] : [];
  }),
});

describe('drift_every_ambient_shape_thread_local_is_cataloged', () => {
  it('passes on a tree built from the catalog itself', () => {
    const scan = scanThreadLocals(treeOf(BUILTIN_DRIFT_CATALOG));
    expect(scan.discovered).toHaveLength(28);
    const report = checkDrift(scan.discovered, BUILTIN_DRIFT_CATALOG);
    expect(report.problems).toEqual([]);
    expect(report.clean).toBe(true);
  });

  it('fails on a new ambient-shape thread-local until it is classified, with the seed message', () => {
    const tree = [
      ...treeOf(BUILTIN_DRIFT_CATALOG),
      { path: 'harness_billing.rs', text: 'thread_local! {\n    static ACTIVE_BILLING_TENANT_STACK: RefCell<Vec<Tenant>> = RefCell::new(Vec::new());\n}' },
    ];
    const report = checkDrift(scanThreadLocals(tree).discovered, BUILTIN_DRIFT_CATALOG);
    expect(report.missing).toEqual(['ACTIVE_BILLING_TENANT_STACK']);
    expect(report.problems).toEqual([{ check: 'missing', message: DRIFT_MESSAGES.missing(['ACTIVE_BILLING_TENANT_STACK']) }]);
    expect(report.problems[0]!.message).toContain('(orchestration/ambient_scope.rs): ["ACTIVE_BILLING_TENANT_STACK"]. Decide whether each must be Captured');
    const classified: DriftCatalog = {
      ...BUILTIN_DRIFT_CATALOG,
      entries: [...BUILTIN_DRIFT_CATALOG.entries, { name: 'ACTIVE_BILLING_TENANT_STACK', shape: 'stack', scoping: { kind: 'uncaptured', reason: 'billing only' } }],
    };
    expect(checkDrift(scanThreadLocals(tree).discovered, classified).clean).toBe(true);
  });

  it('fails on a stale entry (a renamed or removed thread-local)', () => {
    const tree = treeOf(BUILTIN_DRIFT_CATALOG).filter((f) => !f.path.includes('vm_trace_stack'));
    const report = checkDrift(scanThreadLocals(tree).discovered, BUILTIN_DRIFT_CATALOG);
    expect(report.missing).toEqual([]);
    expect(report.stale).toEqual(['VM_TRACE_STACK']);
    expect(report.problems.map((p) => p.message)).toEqual([
      'AMBIENT_THREAD_LOCAL_CATALOG names thread-local(s) no longer in src (renamed/removed?): ["VM_TRACE_STACK"]. Update the catalog.',
    ]);
  });

  it('counts an added but unclassified entry as not cataloged', () => {
    const catalog: DriftCatalog = {
      ...BUILTIN_DRIFT_CATALOG,
      entries: [...BUILTIN_DRIFT_CATALOG.entries, { name: 'NEW_CTX', shape: 'stack', scoping: null }],
    };
    const discovered = [...BUILTIN_DRIFT_CATALOG.entries.map((e) => e.name), 'NEW_CTX'];
    expect(checkDrift(discovered, catalog).missing).toEqual(['NEW_CTX']);
  });

  it('uses the seed assert messages word for word', () => {
    for (const fragment of [
      DRIFT_MESSAGES.missing(['X']).replace(' ["X"]', ' {missing:?}'),
      DRIFT_MESSAGES.stale(['X']).replace(' ["X"]', ' {stale:?}'),
      DRIFT_MESSAGES.captured([], []).replace(/ \(Captured but not swapped.*$/, ''),
      DRIFT_MESSAGES.latentMissing('X').replace('X', '{latent}'),
      DRIFT_MESSAGES.latentUntagged('X').replace('X', '{latent}'),
      DRIFT_MESSAGES.latentCaptured('X').replace('X', '{latent}'),
    ])
      expect(SEED_JOINED, fragment).toContain(fragment);
  });
});

describe('the scan skips what the seed skips', () => {
  const ambient = (name: string) => `    static ${name}: RefCell<Vec<u8>> = RefCell::new(Vec::new());`;
  it.each([
    ['a path containing "test"', { path: 'testing/mock_clock.rs', text: ambient('MOCK_CLOCK_STACK') }],
    ['a file whose name contains "test"', { path: 'llm/tests.rs', text: ambient('FIXTURE_STACK') }],
    ['a directory named "test" anywhere', { path: 'a/b/test/c.rs', text: ambient('DEEP_STACK') }],
    ['a file that is not .rs', { path: 'orchestration/notes.md', text: ambient('DOC_STACK') }],
    ['a .rs dotfile (Rust sees no extension)', { path: 'orchestration/.rs', text: ambient('DOT_STACK') }],
  ])('%s', (_, file) => {
    const scan = scanThreadLocals([file, { path: 'lib.rs', text: ambient('KEPT_STACK') }]);
    expect(scan.discovered).toEqual(['KEPT_STACK']);
    expect(scan.skipped.map((s) => s.path)).toEqual([file.path]);
  });

  it.each([
    ['a line without RefCell', '    static COUNTER_DEPTH: Cell<usize> = Cell::new(0);', null],
    ['a RefCell line without "static "', '    let ACTIVE_STACK: RefCell<Vec<u8>> = RefCell::default();', null],
    ['a RefCell static with a non-ambient name', '    static SCHEMA_CACHE: RefCell<HashMap<String, u8>> = Default::default();', 'SCHEMA_CACHE'],
    ['"static" followed by nothing that names', '    static  SPACED_STACK: RefCell<u8> = RefCell::new(0);', null],
    ['the name after the first "static "', '    pub static A_STACK: RefCell<&\'static str> = RefCell::new("");', 'A_STACK'],
  ])('%s', (_, line, name) => {
    expect(threadLocalNameOf(line)).toBe(name);
    expect(scanThreadLocals([{ path: 'lib.rs', text: line }]).discovered).toEqual(
      name !== null && /_STACK$/.test(name) ? [name] : [],
    );
  });

  it('keeps every ambient shape and only those, sorted as a BTreeSet, once each', () => {
    const names = ['VM_SOURCE_DIR', 'Z_STACK', 'A_DEPTH', 'B_CONTEXT', 'C_SESSION', 'D_CTX', 'SOURCE_DIR', 'E_STACKS'];
    const text = names.map((n) => `static ${n}: RefCell<u8> = RefCell::new(0);`).join('\r\n');
    const scan = scanThreadLocals([{ path: 'a.rs', text }, { path: 'b.rs', text: 'static Z_STACK: RefCell<u8> = RefCell::new(0);' }]);
    expect(scan.discovered).toEqual(['A_DEPTH', 'B_CONTEXT', 'C_SESSION', 'D_CTX', 'VM_SOURCE_DIR', 'Z_STACK']);
    expect(scan.sites.filter((s) => s.name === 'Z_STACK')).toEqual([
      { name: 'Z_STACK', path: 'a.rs', line: 2 },
      { name: 'Z_STACK', path: 'b.rs', line: 1 },
    ]);
  });
});

describe('captured_catalog_matches_scope_fields', () => {
  it('passes for the built-in catalog', () => {
    expect(checkDrift(BUILTIN_DRIFT_CATALOG.entries.map((e) => e.name), BUILTIN_DRIFT_CATALOG).capturedMismatch).toEqual({ extra: [], absent: [] });
  });

  it('names a Captured entry the scope does not swap, and a scope field not Captured', () => {
    const catalog = withEntries(BUILTIN_DRIFT_CATALOG, {
      CURRENT_MUTATION_SESSION: { name: 'CURRENT_MUTATION_SESSION', shape: 'option', scoping: { kind: 'uncaptured', reason: 'forgotten' } },
      VM_TRACE_STACK: { name: 'VM_TRACE_STACK', shape: 'stack', scoping: { kind: 'captured' } },
    });
    const report = checkDrift(catalog.entries.map((e) => e.name), catalog);
    expect(report.capturedMismatch).toEqual({ extra: ['VM_TRACE_STACK'], absent: ['CURRENT_MUTATION_SESSION'] });
    expect(report.problems.map((p) => p.check)).toEqual(['captured']);
    expect(report.problems[0]!.message).toMatch(/^the catalog's Captured set diverged from AmbientExecutionScope's swapped fields; keep the struct fields, swap_in, and the catalog in lockstep\./);
  });
});

describe('audited_latent_capabilities_are_cataloged', () => {
  const latentReport = (catalog: DriftCatalog) => checkDrift(catalog.entries.map((e) => e.name), catalog).latent;

  it('passes for the built-in catalog', () => expect(latentReport(BUILTIN_DRIFT_CATALOG)).toEqual([]));

  it('fails when a latent slot loses its tag, becomes Captured, or leaves the catalog', () => {
    const catalog = withEntries(BUILTIN_DRIFT_CATALOG, {
      ACTIVE_TENANT_STACK: { name: 'ACTIVE_TENANT_STACK', shape: 'stack', scoping: { kind: 'uncaptured', reason: 'tenant identity' } },
      SECURITY_POLICY_STACK: { name: 'SECURITY_POLICY_STACK', shape: 'stack', scoping: { kind: 'captured' } },
      REQUIRE_SSRF_GUARD_DEPTH: null,
    });
    expect(latentReport(catalog)).toEqual([
      'SECURITY_POLICY_STACK is now Captured — wire it fully and drop it from AUDITED_LATENT_CAPABILITIES',
      'ACTIVE_TENANT_STACK must keep its [latent-capability] reason tag so the call-out stays visible',
      'REQUIRE_SSRF_GUARD_DEPTH missing from AMBIENT_THREAD_LOCAL_CATALOG',
    ]);
  });
});
