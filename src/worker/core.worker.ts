// The core web worker: exposes core functions with comlink and nothing more (no logic here — STYLE "The worker
// has no logic"). Every function takes and returns plain data. The run side adds its functions to `api`.
import { expose } from 'comlink';
import { analyzeScenario, effectsFromJson, KNOWN_CAPABILITY_OPS, parseCeiling } from '../core/analysis/index.ts';
import { SIDE_EFFECT_LEVEL_RANK } from '../core/analysis/effects.ts';
import { decodeLink, encodeLink, loadScenario } from '../core/scenario/index.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG, simulate } from '../core/scheduler/index.ts';
import { EXAMPLES } from '../core/examples/index.ts';

/** The worker protocol: one object of functions, each a direct call into core. */
export const api = {
  /** Parent + children → per program effects, drops, violations, lints, diagnostics and hovers. */
  analyzeScenario,
  /** Validates a ceiling's JSON text; errors are returned, never thrown. */
  parseCeiling,
  /** Decodes an explicit parent grant (serde JSON effect list); errors are returned, never thrown. */
  effectsFromJson,
  /** The capability → ops names and side-effect levels a ceiling can name (for the ceiling form). */
  policyVocabulary: () => ({ capabilities: KNOWN_CAPABILITY_OPS, levels: Object.keys(SIDE_EFFECT_LEVEL_RANK) }),
  /** Run side: a scenario → its immutable trace and summary (`simulate`). */
  simulate,
  /** The 28 ambient thread-local slots: name, shape, captured or uncaptured with the reason. */
  slotCatalog: () => AMBIENT_THREAD_LOCAL_CATALOG,
  /** Scenario → `#s=…` share-link fragment. */
  encodeLink,
  /** Fragment or URL → scenario, or the error kind and message; never throws. */
  decodeLink,
  /** Validates (and migrates) external input such as the autosave; errors are returned, never thrown. */
  loadScenario,
  /** The nine lessons: id, title, two-sentence explanation, and the scenario each opens. */
  examples: () => EXAMPLES,
};

expose(api);
