// The one public surface of core. Everything the worker, the CLI, tests and benchmarks use comes from here.
// core is pure: no DOM, no Node built-ins, no clock, no randomness (see eslint.config.js).

export * from './diagnostics.ts';
/** Honest text: hidden characters (bidi controls, zero-width, …) as visible escapes; the H106 source warning. */
export * from './text.ts';
export * from './json.ts';
/** The Scenario model: types, validation (`validateScenario`, `loadScenario`), defaults, migrations, share links. */
export * from './scenario/index.ts';
/** Effect analysis: effect records + serde JSON, harn_ir call collection, the effects.rs port, ceilings, violations, `analyzeScenario`. */
export * from './analysis/index.ts';
/** Syntax: `parse(source)` → `{ program, diagnostics }` (never throws), `tokenize`, `printSExpr`, `HARN_KEYWORDS`/`isKeyword`, the AST types. */
export * from './syntax/index.ts';
/** Scheduler: the slot catalog, ambient scope, task programs, the simulated LocalSet, traces, `simulate(scenario)` and the explorer's fast path. */
export * from './scheduler/index.ts';
/** The lessons of DESIGN §6 (and F3, the forcing function) as scenarios (`EXAMPLES`, `findExample`). */
export * from './examples/index.ts';
export * from './teaching/index.ts';
/** Explorer: `createExplorer(scenario, options)` (resumable `run(n)` slices with progress, `cancel`, `result`), `explore`, `replayScenario(scenario, picks)`. */
export * from './explorer/index.ts';
/** Goals (challenges and exercises): `evaluateGoal`, `checkScenarioGoal`, `solveGoal`, the campaign (`CHALLENGES`) and the gallery's path (`GALLERY`). */
export * from './goals/index.ts';
/** The drift guard (F3): `scanThreadLocals(files)`, `checkDrift(discovered, catalog)` with the seed's messages, catalogs as JSON. */
export * from './drift/index.ts';
/** Reports: `scenarioMarkdown(scenario, simulation, { step, baseUrl })`, the run at one moment as Markdown (the stepper's "Copy as Markdown" and `simulate --format markdown`). */
export * from './report/markdown.ts';
/** Output escaping, one function per format: `escapeText` (CLI text), `markdownCode`/`markdownSentence`/`markdownBlock`,
 * `escapeXml` (JUnit), `escapeJsonText` (SARIF), `escapeGithubData`/`escapeGithubProperty`, `narrationLiteral`,
 * and `reportBaseUrl` (a report link's http(s) origin and path). */
export * from './report/escape.ts';
/** Policy authoring: `suggestPolicies` (least-privilege ceilings and grant), `grantFixFor`/`ceilingFixFor` (fixes for findings), `compareGrants`/`compareCeilings`/`textDiff` (two policies compared as policies). */
export * from './authoring/index.ts';
/** The help of every diagnostic code (SARIF fullDescription/help, docs/rules.md). */
export * from './ruleHelp.ts';
