// The scenario the playground opens with when there is nothing saved and no link: a parent that spawns two
// children, one of which reaches for the network the parent never granted. It opens in the Policy layout.
import type { Scenario } from '../core/scenario/types.ts';

const PARENT = `// The parent spawns two workers and grants them what it uses itself.
pipeline main() {
  let notes = read_file("notes.txt")
  write_file("summary.txt", llm_call("Summarize: \${notes}"))
  spawn_agent("alpha")
  spawn_agent("beta")
}
`;

const ALPHA = `// alpha summarizes the notes.
pipeline main() {
  let text = read_file("notes.txt")
  let summary = llm_call("Summarize: \${text}")
  write_file("summary.txt", summary)
}
`;

const BETA = `// beta fetches a page: the parent never granted net access.
pipeline main() {
  let page = http_get("https://example.com")
  write_file("page.txt", page)
}
`;

/** A fresh copy of the default scenario (normalized: every field present). */
export function createDefaultScenario(): Scenario {
  return {
    version: 1,
    parent: { name: 'parent', source: PARENT, grant: null },
    children: [
      { name: 'alpha', source: ALPHA, ceiling: { tools: [], capabilities: { workspace: ['read_text', 'write_text'], llm: [] }, side_effect_level: 'workspace_write' } },
      { name: 'beta', source: BETA, ceiling: null },
    ],
    run: {
      mode: 'scoped',
      captured: null,
      schedule: { kind: 'fifo' },
      latency: { llm: 1, net: 1, spawn: 1, tool: 1, host: 1, sleep: 1, yield: 1, default: 1 },
      enforceAtSpawn: true,
      maxSteps: 100000,
    },
    // A policy to prototype (beta reaches for net access the parent never granted): editor and ledger first.
    view: { step: 0, tab: null, layout: 'policy' },
  };
}
