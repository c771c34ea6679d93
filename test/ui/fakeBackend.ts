// A fake core worker for component tests: the real core functions, called in-process (no Worker in jsdom).
import { createViewAnalyzer, grantFromJson, KNOWN_CAPABILITY_OPS, parseCeiling, policyFixesAt, policyToHarn, proposeCeiling, proposeGrant } from '../../src/core/index.ts';
import type { CoreClient } from '../../src/worker/client.ts';

const analyzer = createViewAnalyzer();

export const fakeBackend: Pick<CoreClient, 'analyzeScenario' | 'effectHoverAt' | 'parseCeiling' | 'policyToHarn' | 'effectsFromJson' | 'policyVocabulary' | 'proposeCeiling' | 'proposeGrant' | 'policyFixesAt'> = {
  analyzeScenario: async (input, have) => analyzer.analyze(input, have),
  effectHoverAt: async (program, offset) => analyzer.hoverAt(program, offset),
  parseCeiling: async (text) => parseCeiling(text),
  policyToHarn: async (policy) => policyToHarn(policy),
  effectsFromJson: async (text) => grantFromJson(text),
  policyVocabulary: async () => ({ capabilities: KNOWN_CAPABILITY_OPS, levels: ['none', 'read_only', 'workspace_write', 'process_exec', 'network'] }),
  proposeCeiling: async (input, child) => proposeCeiling(input, child),
  proposeGrant: async (input, granularity) => proposeGrant(input, granularity),
  policyFixesAt: async (input, child, place) => policyFixesAt(input, child, place),
};
