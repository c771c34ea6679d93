// The one public surface of core. Everything the worker, the CLI, tests and benchmarks use comes from here.
// core is pure: no DOM, no Node built-ins, no clock, no randomness (see eslint.config.js).

export * from './diagnostics.ts';
export * from './scenario/index.ts';
