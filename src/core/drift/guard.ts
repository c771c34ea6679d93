// The drift guard's comparison (seeds/ambient_scope.rs): discovered thread-locals against a catalog. Four
// checks, each with the seed's assert message: missing (discovered, not cataloged), stale (cataloged, not
// discovered), the captured set (`captured_catalog_matches_scope_fields`) and the audited latent slots
// (`audited_latent_capabilities_are_cataloged`). Pure; depends on ../scheduler/catalog.ts.
import {
  AMBIENT_THREAD_LOCAL_CATALOG,
  AUDITED_LATENT_CAPABILITIES,
  SCOPE_FIELD_SLOTS,
  type SlotScoping,
  type SlotShape,
} from '../scheduler/catalog.ts';

/** One catalog entry; `scoping` null = added but not yet classified (it counts as not cataloged). */
export interface DriftCatalogEntry {
  name: string;
  shape: SlotShape;
  scoping: SlotScoping | null;
}

/** What the guard compares against: the catalog, the scope's swapped fields, the audited latent names. */
export interface DriftCatalog {
  entries: readonly DriftCatalogEntry[];
  /** The fields `AmbientExecutionScope::swap_in` swaps, as slot names. */
  scopeFields: readonly string[];
  /** `AUDITED_LATENT_CAPABILITIES`. */
  latent: readonly string[];
}

export type DriftCheck = 'missing' | 'stale' | 'captured' | 'latent';

/** One failed assert of the seed's tests, with its message. */
export interface DriftProblem {
  check: DriftCheck;
  message: string;
}

export interface DriftReport {
  discovered: string[];
  missing: string[];
  stale: string[];
  /** `extra`: Captured in the catalog but not a scope field; `absent`: a scope field not Captured in the catalog
   * (the left and right sides of the seed's `assert_eq!(captured, expected)`). */
  capturedMismatch: { extra: string[]; absent: string[] };
  /** The latent check's messages, one per audited name that fails it. */
  latent: string[];
  /** Every failed check in the seed's order (missing, stale, captured set, latent). */
  problems: DriftProblem[];
  clean: boolean;
}

/** The built-in catalog: the seed's 28 entries, the scope's 13 fields, its 5 audited latent names. */
export const BUILTIN_DRIFT_CATALOG: DriftCatalog = {
  entries: AMBIENT_THREAD_LOCAL_CATALOG.map(({ name, shape, scoping }) => ({ name, shape, scoping })),
  scopeFields: SCOPE_FIELD_SLOTS,
  latent: AUDITED_LATENT_CAPABILITIES,
};

const sorted = (names: Iterable<string>): string[] => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const difference = (a: readonly string[], b: ReadonlySet<string>): string[] => sorted(new Set(a.filter((n) => !b.has(n))));

/** Rust's `{:?}` of a `Vec<String>`: `["A", "B"]`. */
export function rustDebugList(names: readonly string[]): string {
  return `[${names.map((name) => JSON.stringify(name)).join(', ')}]`;
}

/** The seed's messages, word for word (Rust's `\`-continued literals joined), with `{x:?}` filled in. */
export const DRIFT_MESSAGES = {
  missing: (names: readonly string[]) =>
    `new ambient-shape thread-local(s) not classified in AMBIENT_THREAD_LOCAL_CATALOG (orchestration/ambient_scope.rs): ${rustDebugList(names)}. Decide whether each must be Captured into AmbientExecutionScope (it is held across a fan-out worker's awaits and would otherwise cross-wire siblings) or is safely Uncaptured, then add it to the catalog. This is the F1/F2 drift guard.`,
  stale: (names: readonly string[]) =>
    `AMBIENT_THREAD_LOCAL_CATALOG names thread-local(s) no longer in src (renamed/removed?): ${rustDebugList(names)}. Update the catalog.`,
  captured: (extra: readonly string[], absent: readonly string[]) =>
    `the catalog's Captured set diverged from AmbientExecutionScope's swapped fields; keep the struct fields, swap_in, and the catalog in lockstep. (Captured but not swapped: ${rustDebugList(extra)}; swapped but not Captured: ${rustDebugList(absent)})`,
  latentMissing: (name: string) => `${name} missing from AMBIENT_THREAD_LOCAL_CATALOG`,
  latentUntagged: (name: string) =>
    `${name} must keep its [latent-capability] reason tag so the call-out stays visible`,
  latentCaptured: (name: string) =>
    `${name} is now Captured — wire it fully and drop it from AUDITED_LATENT_CAPABILITIES`,
} as const;

/** The tag every audited latent slot's reason keeps. */
export const LATENT_TAG = '[latent-capability]';

function latentProblems(catalog: DriftCatalog): string[] {
  const out: string[] = [];
  for (const latent of catalog.latent) {
    const entry = catalog.entries.find((e) => e.name === latent && e.scoping !== null);
    if (!entry || entry.scoping === null) out.push(DRIFT_MESSAGES.latentMissing(latent));
    else if (entry.scoping.kind === 'captured') out.push(DRIFT_MESSAGES.latentCaptured(latent));
    else if (!entry.scoping.reason.includes(LATENT_TAG)) out.push(DRIFT_MESSAGES.latentUntagged(latent));
  }
  return out;
}

/** Runs the seed's three catalog tests on `discovered` names (a scan's) against `catalog`. Never throws. */
export function checkDrift(discovered: readonly string[], catalog: DriftCatalog): DriftReport {
  const found = new Set(discovered);
  const classified = catalog.entries.filter((e) => e.scoping !== null);
  const cataloged = new Set(classified.map((e) => e.name));
  const missing = difference(sorted(found), cataloged);
  const stale = difference([...cataloged], found);
  const captured = classified.filter((e) => e.scoping!.kind === 'captured').map((e) => e.name);
  const extra = difference(captured, new Set(catalog.scopeFields));
  const absent = difference(catalog.scopeFields, new Set(captured));
  const latent = latentProblems(catalog);
  const problems: DriftProblem[] = [];
  if (missing.length > 0) problems.push({ check: 'missing', message: DRIFT_MESSAGES.missing(missing) });
  if (stale.length > 0) problems.push({ check: 'stale', message: DRIFT_MESSAGES.stale(stale) });
  if (extra.length > 0 || absent.length > 0)
    problems.push({ check: 'captured', message: DRIFT_MESSAGES.captured(extra, absent) });
  for (const message of latent) problems.push({ check: 'latent', message });
  return {
    discovered: sorted(found),
    missing,
    stale,
    capturedMismatch: { extra, absent },
    latent,
    problems,
    clean: problems.length === 0,
  };
}

/** The `--json` shape of a report (the keys, snake_case as the CLI prints them). */
export function driftReportJson(report: DriftReport): {
  discovered: string[];
  missing: string[];
  stale: string[];
  captured_mismatch: { extra: string[]; absent: string[] };
  latent: string[];
} {
  return {
    discovered: report.discovered,
    missing: report.missing,
    stale: report.stale,
    captured_mismatch: { extra: report.capturedMismatch.extra, absent: report.capturedMismatch.absent },
    latent: report.latent,
  };
}
