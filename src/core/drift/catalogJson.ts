// A drift catalog as JSON (the CLI's `--catalog FILE` and `--print-catalog`): the same entries as the seed's
// catalog, with shapes and reasons. Reading never throws: every problem names its field. Pure; depends on
// ./guard.ts and ../scheduler/catalog.ts.
import { slotShapeOf, type SlotShape } from '../scheduler/catalog.ts';
import { BUILTIN_DRIFT_CATALOG, type DriftCatalog, type DriftCatalogEntry } from './guard.ts';

/** One entry as JSON: `{"name", "shape", "scoping": "captured"}` or `{…, "scoping": "uncaptured", "reason"}`. */
export interface DriftCatalogEntryJson {
  name: string;
  shape: SlotShape;
  scoping: 'captured' | 'uncaptured';
  reason?: string;
}

/** The file: `entries`, and optionally `scope_fields` and `latent` (default: the seed's). A bare list of
 * entries is read as `{"entries": […]}`. */
export interface DriftCatalogJson {
  entries: DriftCatalogEntryJson[];
  scope_fields: string[];
  latent: string[];
}

/** The most entries a catalog file may hold: the seed has 28; a real crate a few dozen. */
export const MAX_DRIFT_CATALOG_ENTRIES = 10_000;

const IDENTIFIER = /^[A-Za-z0-9_]+$/;
const SHAPES: readonly SlotShape[] = ['stack', 'depth', 'option'];

/** The catalog as JSON, every field written out. */
export function driftCatalogToJson(catalog: DriftCatalog): DriftCatalogJson {
  return {
    entries: catalog.entries.flatMap((e): DriftCatalogEntryJson[] =>
      e.scoping === null
        ? []
        : e.scoping.kind === 'captured'
          ? [{ name: e.name, shape: e.shape, scoping: 'captured' }]
          : [{ name: e.name, shape: e.shape, scoping: 'uncaptured', reason: e.scoping.reason }],
    ),
    scope_fields: [...catalog.scopeFields],
    latent: [...catalog.latent],
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  return JSON.stringify(value) ?? String(value);
}

function nameList(value: unknown, field: string, errors: string[]): string[] | null {
  if (!Array.isArray(value) || value.length > MAX_DRIFT_CATALOG_ENTRIES) {
    errors.push(`${field}: expected a list of thread-local names, got ${describe(value)}`);
    return null;
  }
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || !IDENTIFIER.test(item))
      errors.push(`${field}[${i}]: expected a thread-local name (letters, digits, "_"), got ${describe(item)}`);
  });
  return value.filter((item): item is string => typeof item === 'string');
}

function entryOf(value: unknown, path: string, errors: string[]): DriftCatalogEntry | null {
  if (!isObject(value)) {
    errors.push(`${path}: expected an entry object ({"name", "shape"?, "scoping", "reason"?}), got ${describe(value)}`);
    return null;
  }
  const unknown = Object.keys(value).filter((k) => !['name', 'shape', 'scoping', 'reason'].includes(k));
  for (const key of unknown) errors.push(`${path}.${key}: unknown field (known fields: name, shape, scoping, reason)`);
  const { name, shape, scoping, reason } = value;
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    errors.push(`${path}.name: expected a thread-local name (letters, digits, "_"), got ${describe(name)}`);
    return null;
  }
  if (shape !== undefined && !SHAPES.includes(shape as SlotShape))
    errors.push(`${path}.shape: expected "stack", "depth" or "option", got ${describe(shape)}`);
  const slotShape = SHAPES.includes(shape as SlotShape) ? (shape as SlotShape) : slotShapeOf(name);
  if (scoping === 'captured') {
    if (reason !== undefined) errors.push(`${path}.reason: only an "uncaptured" entry has a reason`);
    return { name, shape: slotShape, scoping: { kind: 'captured' } };
  }
  if (scoping === 'uncaptured') {
    if (typeof reason !== 'string' || reason.trim() === '') {
      errors.push(`${path}.reason: expected a non-empty string (why it is safely Uncaptured), got ${describe(reason)}`);
      return null;
    }
    return { name, shape: slotShape, scoping: { kind: 'uncaptured', reason } };
  }
  errors.push(`${path}.scoping: expected "captured" or "uncaptured", got ${describe(scoping)}`);
  return null;
}

/** Reads a catalog file's parsed JSON. Never throws; `errors` name each field that is wrong. */
export function parseDriftCatalog(input: unknown): { value: DriftCatalog | null; errors: string[] } {
  const errors: string[] = [];
  const file = Array.isArray(input) ? { entries: input } : input;
  if (!isObject(file)) return { value: null, errors: [`expected a catalog object ({"entries": […]}) or a list of entries, got ${describe(input)}`] };
  for (const key of Object.keys(file).filter((k) => !['entries', 'scope_fields', 'latent'].includes(k)))
    errors.push(`${key}: unknown field (known fields: entries, scope_fields, latent)`);
  const raw = file.entries;
  if (!Array.isArray(raw) || raw.length > MAX_DRIFT_CATALOG_ENTRIES) {
    errors.push(`entries: expected a list of at most ${MAX_DRIFT_CATALOG_ENTRIES} entries, got ${describe(raw)}`);
    return { value: null, errors };
  }
  const entries: DriftCatalogEntry[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item: unknown, i) => {
    const entry = entryOf(item, `entries[${i}]`, errors);
    if (entry === null) return;
    const earlier = seen.get(entry.name);
    if (earlier !== undefined) errors.push(`entries[${i}].name: ${entry.name} is already entries[${earlier}]`);
    else seen.set(entry.name, i);
    entries.push(entry);
  });
  const scopeFields =
    file.scope_fields === undefined ? BUILTIN_DRIFT_CATALOG.scopeFields : nameList(file.scope_fields, 'scope_fields', errors);
  const latent = file.latent === undefined ? BUILTIN_DRIFT_CATALOG.latent : nameList(file.latent, 'latent', errors);
  if (errors.length > 0 || scopeFields === null || latent === null) return { value: null, errors };
  return { value: { entries, scopeFields, latent }, errors: [] };
}
