// The drift guard (F3 of seeds/ambient_scope.rs): the scan of a crate's sources for ambient-shape
// thread-locals, the comparison with a catalog, and the catalog as JSON. Pure; re-exported by core/index.ts.
export * from './scan.ts';
export * from './guard.ts';
export * from './catalogJson.ts';
export * from './scenario.ts';
export * from './summary.ts';
