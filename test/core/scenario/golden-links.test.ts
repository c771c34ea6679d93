// Golden share links: literal link strings made once (by encodeLink, from hand-written scenarios) and pasted
// here. They must keep decoding to exactly these scenarios forever: old links keep opening (DESIGN §5). Never
// regenerate a literal; when the format changes, add a migration and keep these passing.
import { describe, expect, it } from 'vitest';
import { decodeLink, type Scenario } from '../../../src/core/index.ts';

interface Golden {
  name: string;
  link: string;
  scenario: Scenario;
}

// Version 1 links, made by the first encoder.
const VERSION_1: Golden[] = [
  {
    name: 'minimal',
    link: '#s=1.hcw9CgMhEAbQq8hX7YJNWq8SQxg2wzrgjoPmpxDvHpMmZfrH63hybVIU4eRhVFnvCB2tPOrGCDAxzqLsDhJdVtejOteMXnqlfeIlgrIlilijjqgYHluSfJsTwrlD6fg8XwT_J85ln2GS33YZbw',
    scenario: {
      version: 1,
      parent: {
        name: 'parent',
        source: 'pipeline main() {\n  spawn_agent("alpha")\n}\n',
        grant: null,
      },
      children: [
        {
          name: 'alpha',
          source: 'pipeline main() {\n  log("hi")\n}\n',
          ceiling: null,
        },
      ],
      run: {
        mode: 'scoped',
        captured: null,
        schedule: {
          kind: 'fifo',
        },
        latency: {
          llm: 1,
          net: 1,
          spawn: 1,
          tool: 1,
          host: 1,
          sleep: 1,
          yield: 1,
          default: 1,
        },
        enforceAtSpawn: true,
        maxSteps: 100000,
      },
      view: {
        step: 0,
        tab: null,
      },
    },
  },
  {
    name: 'full',
    link: '#s=1.hVPNitswEH4VM6ddMLtp2r0Yegghh9A2KcRdtiRBKPI4FpElISk_xfjdO7LjNGwPCwZ5xuOZ72fUwAmdl0ZD9ikFyx3qAFkDmtcIGeyM95CCN0cnYmylRSU1JjWX-uExaTY6SRSGRJuAPvmaOOQFK6XChw10uadwCRt4jHXUnSuFKmkSb_lZM76naVTIla04Fb1L7zB02Xaj6SEYe8cjunUDB6mLCLM_ofTQEkphbAQZMVC1wxvsGxIq--9npWqqts6cZIGOEjSkcsZKcd_07GRAaLeUEpVUBQnVIbkK1VH4UKmuySCPOYZenDQhCEyQNpStJFEmuXrGAiU12Ue0glu-oyhI9DE-G3cgveKwdUeZBSSCaY-0D7Zpxy5bR9ie6DEsSxSBKTyhiqyGJqznl0IwRlH_NXjkTlSwbaNkwzqQIx-SrEKwbI_Rwfjqs-dnvPDaKnwSpu524T25-xl7Xtecje_HkOxk55EEb6A2Recol6cIl1QJR4fk4xpmb7Ppr3y-XLCfy-_z6W-2yifTb1T0-oP9-zZdLvLZW07pyTSfv85YPltMFvm1mAZ5UWFxVDTltiK0C4d4D_qTRl2FGFwfzu66RK0VD6jFn9iiM-BzChppdUfUXiFayF5SKLDkR0XZMf2BujTEdhJW8Q5AVnLlMYWaX1YBLQ19GY1GVHeSeI5tPWUh-zImx_husKZt_wI',
    scenario: {
      version: 1,
      parent: {
        name: 'boss',
        source:
          'pipeline main() {\n  let notes = read_file("notes.txt")\n  parallel { spawn_agent("alpha") spawn_agent("beta") }\n}\n',
        grant: [
          {
            kind: {
              kind: 'fs',
            },
            scope: 'read',
            resource: 'notes.txt',
          },
          {
            kind: {
              kind: 'llm',
              provider: 'anthropic',
            },
            scope: 'write',
          },
        ],
      },
      children: [
        {
          name: 'alpha',
          source: 'pipeline main() {\n  write_file("out.txt", llm_call("hi"))\n}\n',
          ceiling: {
            capabilities: {
              workspace: ['read_text', 'write_text'],
              llm: [],
            },
            side_effect_level: 'workspace_write',
            tools: ['search'],
          },
        },
        {
          name: 'beta',
          source: 'pipeline main() {\n  http_get("https://example.com")\n}\n',
          ceiling: {
            capabilities: {},
            side_effect_level: null,
            tools: [],
          },
        },
        {
          name: 'gamma_2',
          source: '',
          ceiling: null,
        },
      ],
      run: {
        mode: 'naive',
        captured: ['EXECUTION_POLICY_STACK', 'VM_EXECUTION_CONTEXT', 'ACTIVE_TENANT_STACK'],
        schedule: {
          kind: 'picks',
          picks: ['beta', 'alpha', 'alpha', 'boss'],
        },
        latency: {
          llm: 3,
          net: 0,
          spawn: 2,
          tool: 2,
          host: 2,
          sleep: 5,
          yield: 2,
          default: 2,
        },
        enforceAtSpawn: false,
        maxSteps: 5000,
      },
      view: {
        step: 42,
        tab: 'beta',
      },
    },
  },
  {
    name: 'unicode',
    link: '#s=1.dY5LSgNBEIavUtQqgZY8iJHMAbyELdKZbpwhM91j94yCTcMsBREEswiS4GMR8AHuvMDcZFYucwRrdOHKxQc_VUX9n8dzZV1qNEYjhoWwSpcYeXSmsrHCCAcD-Nq-QlsvifXvQVtvYPdwX8Nus1wRb8SWeCTeiSfimesiLVSWagW5SHWvDx4yc9rj2Kx18xE3n7J5gXZ9B5xXfnQ4HQ4DfV3VHPsQuMbAME7STFIjRkcetcg7oROrXEWJ_Tn-V8RLKMWcUQHHs8qUynWJwVzEC0rcZcIlDC6VNXsXqSyTtr5mIFxpRQa725urHxUMxwxtRRIecyO7wkq72BRKdhJxomSV0dTjItWStlZoafJup-gkmoxnk9n0YDzbDyF8Aw',
    scenario: {
      version: 1,
      parent: {
        name: 'parent',
        source: '// 親 — “parent” 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\npipeline main() { log("Ünïcödé ✓ \\u{1F600} 😀") }\n',
        grant: null,
      },
      children: [
        {
          name: '_resume',
          source: 'pipeline main() { log("\t tab, \\"quotes\\", back\\\\slash, zero-width​, astral 𐍈") }',
          ceiling: null,
        },
      ],
      run: {
        mode: 'unscoped',
        captured: null,
        schedule: {
          kind: 'random',
          seed: 4294967295,
        },
        latency: {
          llm: 1,
          net: 1,
          spawn: 1,
          tool: 1,
          host: 1,
          sleep: 1,
          yield: 1,
          default: 1,
        },
        enforceAtSpawn: true,
        maxSteps: 100000,
      },
      view: {
        step: 0,
        tab: null,
      },
    },
  },
];

// Golden links for the gallery examples (one per example, added by whoever builds the examples): paste each
// example's link as made today with its expected normalized scenario, exactly like VERSION_1 above.
const GALLERY: Golden[] = [];

describe('golden share links', () => {
  it.each([...VERSION_1, ...GALLERY].map((golden) => [golden.name, golden] as const))(
    'the %s link still decodes to the same scenario',
    (_name, golden) => {
      const decoded = decodeLink(golden.link);
      expect(decoded.error).toBeNull();
      expect(decoded.value).toEqual(golden.scenario);
    },
  );

  it('the same links open from a full URL and from a bare s= parameter', () => {
    for (const golden of VERSION_1) {
      expect(decodeLink(`https://lab.example/scope/${golden.link}`).value).toEqual(golden.scenario);
      expect(decodeLink(golden.link.slice(1)).value).toEqual(golden.scenario);
    }
  });
});
