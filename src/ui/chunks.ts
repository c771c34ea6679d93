// Long lists (the ledger's sections, the diagnostics) render in memoized chunks: an analysis that changes one row
// re-renders one chunk, and React walks a few dozen chunks instead of every row.

/** Rows per chunk. */
export const CHUNK_ROWS = 32;

/** `items` in consecutive chunks of {@link CHUNK_ROWS}. */
export function inChunks<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK_ROWS) chunks.push(items.slice(i, i + CHUNK_ROWS));
  return chunks;
}
