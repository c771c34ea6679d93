// Policy authoring: least-privilege suggestions, fixes for findings, and the comparison of two policies.
export * from './suggest.ts';
export * from './fix.ts';
export * from './policyDiff.ts';
export * from './policySet.ts';
export * from './coverage.ts';
export * from './proposals.ts';
