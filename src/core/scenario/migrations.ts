// The migration chain that keeps old scenarios and links opening: MIGRATIONS[v] turns a version-v scenario
// (raw JSON) into a version v+1 one. Data, not code paths: tests inject their own chain. Depends on ./types.ts.
import { SCENARIO_VERSION } from './types.ts';

/** Turns the raw JSON object of one version into the next version's (the chain stamps `version` itself). */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** `chain[v]` migrates version v to v+1. */
export type MigrationChain = Readonly<Record<number, Migration>>;

/** The real chain. Empty: version 1 is the first format. Add `MIGRATIONS[1] = v1ToV2` when version 2 lands,
 * together with golden links of version 1 (test/core/scenario/golden-links.test.ts). */
export const MIGRATIONS: MigrationChain = Object.freeze({});

/** Result of migrating: the raw JSON of the target version, or why it cannot be had. */
export interface MigrationResult {
  value: Record<string, unknown> | null;
  error: string | null;
}

/** Applies `chain[from]`, `chain[from+1]`, … up to `to` (the current version by default). Never throws: a
 * missing step, a non-object or a throwing step becomes an error message. */
export function migrateScenario(
  raw: unknown,
  fromVersion: number,
  chain: MigrationChain = MIGRATIONS,
  toVersion: number = SCENARIO_VERSION,
): MigrationResult {
  if (!isPlainObject(raw)) return { value: null, error: 'expected a scenario object' };
  if (!Number.isSafeInteger(fromVersion) || fromVersion > toVersion) {
    return {
      value: null,
      error: `cannot migrate from version ${String(fromVersion)} to version ${toVersion}`,
    };
  }
  let current: Record<string, unknown> = raw;
  for (let version = fromVersion; version < toVersion; version++) {
    const step = Object.hasOwn(chain, version) ? chain[version] : undefined;
    if (!step)
      return {
        value: null,
        error: `version ${version} scenarios cannot be opened: there is no migration from version ${version} to ${version + 1}`,
      };
    let next: unknown;
    try {
      next = step(current);
    } catch (error) {
      // A throwing migration is a bug, but the input stays someone's work: report it, never crash.
      return {
        value: null,
        error: `migrating from version ${version} failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    if (!isPlainObject(next))
      return { value: null, error: `migrating from version ${version} did not produce an object` };
    current = { ...next, version: version + 1 };
  }
  return { value: current, error: null };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
