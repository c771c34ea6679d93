// Golden share links: literal link strings made once (by encodeLink, from hand-written scenarios) and pasted
// here. They must keep decoding to exactly these scenarios forever: old links keep opening (DESIGN §5). Never
// regenerate a literal; when the format changes, add a migration and keep these passing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, EXAMPLES, LINK_BUDGET, simulate, type Scenario, type TraceStep } from '../../../src/core/index.ts';

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

// Golden links for the nine gallery examples, made by encodeLink from each example as of commit 22a9c1c (format
// version 1). The expected scenario is a literal stored beside the link, in test/fixtures/golden/<example id>.json,
// never the live example: an example edited later gets a new link, but this one must still open what it was made
// from.
const GOLDEN_DIR = resolve(import.meta.dirname, '../../fixtures/golden');

function gallery(id: string, link: string): Golden {
  const scenario = JSON.parse(readFileSync(resolve(GOLDEN_DIR, `${id}.json`), 'utf8')) as Scenario;
  return { name: `example ${id}`, link, scenario };
}

const GALLERY: Golden[] = [
  gallery(
    'f1-cwd-env',
    '#s=1.tVNdq5swGP4r4b3qATfYYDe9GGQxrHLUSIylpZaQ2ZwqS1NRe3oh_vcl9myFnrG7XSnv8-R9PkhGeNVd35wtLD8F0KpO2wGWI_TnS1dpWELbtNo0VqOTauziCY2lRcjxlDHaIK2qGu1KUKatVQkBKuGHHtzfHo3IqpNGH776Awj1rbpaqY5u_8IDT348lXaCAI6d8qq7EX429uDlb18w5gRTAH11br2Xa9cM2g3e8V76v9D2blTVjTm4TPNyL-vg2atT_XdEJy0rF3JRQmuURUOtUVUre9QlzN5nFfnSGO0o9jzo_uPpcKvgrQ1Hm2a3b8K-mf-qe6v-JrsPoLu43CNUqh0unXY97YBuKClExFKZsTgiW5kLTJ6dqTuAs4yzNY4fGYQlCU7Dx3G4TXESEZlRnkR57jf8hniRiiihkrBU0I2QbE15jO9HcSFYypLt48o4TiSnaUj5nUpEtKZyhXnq16WUCMYlERuHCV7kgobyG4_C704Nx7EMaSZW702vGHv-g60TmbOCEyrDiHtuwZ2qkEkh8NxETuc84C_Sa6Ov87sYdOueyucv0_QL',
  ),
  gallery(
    'f2-mutation-session',
    '#s=1.tVNNi6MwGP4r4T11wF3YPeyhhwU3hq2MGomxtNQSsjadylobop0exP8-iXam0BnmNiflfZ68zwdJD8_KtNWpgfkPD7Q0qulg3kN7OptSwRx0pVVdNQodZdXMHlBfNAhZnqxrVSMlywPaFCBrfZAFeKiAf6qzf1vUo0YeFfr22x1AqNXy0gj5ZPfPHPDgxkPRDODBk5FOddPD_6rZOfnpC3V9hMGDtjxp5-Viqk7ZwTvevv2AtrWj8lDVO5tpXO5kLTx6taqfR7TSorQhZwXsjNx3qDsoZJQ-ma6A0fwoI_ZVrSxnQr4fd1MJ1z4sbxj9XqVdN1-sPNU_CW89MGebvYdS6u5slO1qA2RFcM5DmoiURiFei4z7-NHaugF-mjK69KN7BqZx7CfB_ThYJ34cYpESFodZ5ja8QixPeBgTgWnCyYoLuiQs8m9H_ZzThMbr-5VRFAtGkoCwGxXzcEnEwmeJW5cQzCkTmK8sxlmecRKIPywM_lo1P4pEQFK-eG96QenjG7aMxS311eM0zmjOMBFByMBdpOdKXcZ30Sltn8rPX8PwAg',
  ),
  gallery(
    'lifo-interleaving',
    '#s=1.pZLBboMwDIZfJfKpldikHSZNHPYiBFUuuCVqEqIklG0o7z47rXZZtctOENv4-_-fbHClmMzsoX1pIGAkn6HdIM1LHAhaCCaQNZ6UQ-N3e7VprxTPobVkFeEwqU4D2jChhkZpOFLmt15tyqMj9fQuHyiVAq7-gGfev5PGXspF-wINnCMKtdvgYvwo-NsTrHVQGkjDHETLGk0mLvyaO6UHYz2XhsnYkT3V5YLldtXK1L8tMvowsMmdhrQ4h9F8kYaquu4_nIyln-bnsxtv9u9J8GCpSu9QSeU_zEg4PkJWDvskw9vOEsmAAY98yoaSnCXDtusbWOd44b8g-A7qvkwfGfpSCnfjwiFt4OZR5C2-hjlKrFdDa70SmQK0r2-lfAM',
  ),
  gallery(
    'panic-leak',
    '#s=1.nZG9asQwEIRfZdnKB04gBFK4yIucjNnY67OILAvJP4Xwu2dXd0UgIUUqidFI38wq484x2cVj81JjoMh-xSZjWrbYMzYYbGBnPcNM1lcXyMYDiI-cYwdM_QRXg-TCRAZrMPjBq-xayOBpZnh61wsAKdDhO7rJ-5UeXFQ-jT-xxlskpV4zflo_KP6-onMznjWmfgma5Yh2ZRF--Mb0i60VqZ-sG6RTeVyxclyyCvXvioLueilZGQyOvMESeJ3ickjJeRmkfeRxSzyIynA3aR_N90DpLP5JKiW60Tp-6M_z8H3AYhJUW2PcpF0uiYTgye46ItwtH-UjVw7yt69v5_kF',
  ),
  gallery(
    'bridge-depth-leak',
    '#s=1.rVNdi6MwFP0r4T51wB1235Y-LEgMVEaNxFhaagkZG0YZR0XT6YL43_fGmd2y3WWe5kk599zzEZIJXs0w1l0L628e9HowrYX1BGN3HkoDa-jr3jR1a8iLrtvVHZmKlhDk6aYxDTG6rMihAN30lS7AIwU8Got_RzKRVr8Y8uWHWyBk7PWlVfoJ9VducOfguWhn8OBp0M71MMFz3Z6c_dsXqm60JTohx-0gcumGZ5Qqzf1g9ElZ89PC7MFYdr0bOxDmIyJlVTcnbLPIvi8vKVHr43LOVDnXVfE_O9dy6rWt1lhW31uHzNhmxhx_nNwhfKrR419GRw-GM1aboNS9PQ8GD-sAbMdoLkOeqJRHId2rTPr0AWNcB36aCr71o1sG5XHsJ8EtHOwTPw6pSpmIwyxzCr9HIk9kGDNFeSLZTiq-ZSLyr6t-LnnC4_2tZBTFSrAkYOJKpTLcMrXxReLkEkYlF4rK3b_BNpw_qIClcoOzbayuzd5zvMEZzwVlKgiFk8gFGkoV59JfqBlbqoC7Jq-1uSz33Zoen8DX7_P8Cw',
  ),
  gallery(
    'escalation',
    '#s=1.lZDRasMwDEV_xeipBdMw9jT_yjKC5oraVLaF7TQbIf8-O6x9bt8EEudc3RVulItPEcybBsFMsYJZoaQ5WwID4oXYR1IBfTwc1TpGpZjDZJH5MIIwRlUdqZyY01xHOPaLIrjECS8N146WlK9Ns-822DRY5_ncXGA-V4gYuglZHIJ-Xm0d2evu7iEe8Afwm-pLPMnUC_j_wNUqk6TS8_e5mGE4k3D6PdEPBmE62RSGPDezViNc0j3Bl4abp2WvsZKAef_Ytj8',
  ),
  gallery(
    'resource-mismatch',
    '#s=1.lZExb8MgEIX_yukmR3KjZrXUbp0qtUu3YEXUvsSo-IyA2gPiv_ewW4-VMoHg3ffeg4Qz-WAmxuZUo9OeOGKTMEzfviNs0BlH1jDBqA1XB0iKAUSnrSULpLsBzgq1dYNWWIPCT4qyayEB65Hg4bkMAASnF77om_CrcnEox1lxxhpvXhfXc8Ivw32x31a8Bsw1hm5yJcriTSSRe9rT8RQpHMcecyvCbjC2lwYrqpiIYk0mQ_8XWtGXq7FUqR269fmtJnmzhNm5peZ92CPxvCE_3l9f3p5Of9C2xtnQsj57JCc_8ZjzDw',
  ),
  gallery(
    'parent-grant',
    '#s=1.rZHBasMwDIZfRejUQtYwdhmB7UWaEFRHJGa2Y2y3GQt-98nebhtjh55spN_6v1_e8cYh6tVh99igp8AuYbdjXK9BMXbotWejHYMl7Q5H2HsHIDoyhg0wqQXOPZLxC_XYQI8XTnIbYAdHluHhtTwAiJ42N9Is8w-lcSzl3LuMDc6Biut5xzftpmL_daIxFnODUa2-sGxBJ5bCD53j9ItukJJatJkkVJ1efKVdYcX274yGk-ScGV5gScmPM6dDj-Uau7adVhVP_E7WGz6p1baSuUYS5FHJckQbr9ZS0B9cW7mCfyOUJd2b4PIPgqHBm-at_nBij93zU86f',
  ),
  gallery(
    'three-way-fan-out',
    '#s=1.rZJNasMwEIWvImaVgOvQVcGLXiQORpEmthr9IclJQfjuHckhFBLaLrqymHnW--aNMlwwROUsdK8NeB7QJugyRDcHgdCBVx61ssgMV3azZbm3jJGOa42aIRcT2_fAtZ94Dw3r4Yjpdhq5MXQ8sMwsN8he3su_jEXPr3bgI1ltSmNbyktvF2hgDLwA7DOclZWFZP2C1gaWBqJwvmBdg0pIhQedxfQn3Sk-kR2oJCalJcVQIQoetet4RPdzKlNKfhgxbXoox9jtdtyrFj-58Rpb4cyO4qjTVr_hpDSSmLcf0dk1s7xUxVKRb-4l0V_NKZ9B0FLovoAXhddnTsfWyNXHnR996r7-Y0px8_7GZDCM-AxJ3JGks6uCoA4NhJlWkME4WVBmW1clC56YUM6aqvdl0qORzpQekqR7W2iPJYP6khN6KlHtCw',
  ),
  // Made on the drift branch (issue 20): the first golden link with added thread-locals (`slots`).
  gallery(
    'f3-forcing-function',
    '#s=1.vVLBasMwDP0VoVMLWbvBTjkMyig7DHpYe6tD0BLRmDm2id1mEPLvk5MOBhs79mQhPek9PXnAC3dBO4v5Q4aeOrYR8wGDO3cVY45eezbaMrSk7WIJg7IAgiNj2ABT1cBRIRnfkMIMFL5zlKiAASy1DHdPqQEgeOptSSeZv0iFZUqPyo6Y4amjxHoc8EPbOtHPLxrT4phhqJxPWvpOR5bEL5zl-AeukFTVaFPLUtP0xCvlSazQ_r-jcJeVbLlQ6A1ZiA3D2RtHtcJJfBOjL70LURApDvl6TV6v-JNab3hVuXb93ZCMuXokveO0w1VN8uv2YuYrzVqKDC-a--nskb38hMf75KZxMfz0bfvytt3vy8N2t9kdyv1h8_wqwjumOsGmIxRi-hc',
  ),
  // Made on the threads branch (issue 18): the first golden link with simulated threads (`run.threads`, picks "alpha@2").
  gallery(
    'work-stealing',
    '#s=1.fVHBasMwDP0Vo1MLYZCyU077j6YEYSuNqaMY22kOwf8-2RljY2UnyU-P957kHZ4Uol0YurYBj4E4QbdDXNagCTrw1pOzTGpGy6ez2ntWKnrceMC7kE89oPMT9nDuOUMD94BF4rrDw7IpWkcF52bIDUS9-CK8BZtIgD-8Mb6g3QTSk3VGAlZxxrmMq7e4_p9XrAeNzklYE3BMKk2keEkUa2ylqsswWkdCqYO32fTQqN_b5VsDYZUAO8yLKXYr16CmRNATmdUJ-r2Kt_oRZXTU7vp14I9WsKpbu5fg0V1-jssN0hQIjWhd5PG0tNXPSuShe29z_gQ',
  ),
];

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

  it('every gallery example has a golden link', () => {
    const golden = new Set(GALLERY.map((g) => g.name));
    for (const example of EXAMPLES) expect(golden).toContain(`example ${example.id}`);
  });
});

describe('gallery example links', () => {
  it.each(EXAMPLES.map((example) => [example.id, example] as const))(
    'the %s example encodes to a link within the share budget and opens to itself',
    (_id, example) => {
      const link = encodeLink(example.scenario);
      expect(link.length).toBeLessThan(LINK_BUDGET);
      expect(decodeLink(link).value).toEqual(example.scenario);
    },
  );
});

// What each golden link showed at its step when it was made (kind, task, and the slot, child or call), read off
// the trace before moments existed. Links keep the step index and traces keep their steps, so every old link still
// opens on the same moment.
const SHOWN: Record<string, string> = {
  minimal: 'spawn outer parent',
  full: 'install alpha VM_SOURCE_DIR',
  unicode: 'spawn outer parent',
  'example f1-cwd-env': 'read alpha EXECUTION_POLICY_STACK',
  'example f2-mutation-session': 'read alpha CURRENT_MUTATION_SESSION',
  'example lifo-interleaving': 'read alpha LLM_RENDER_STACK',
  'example panic-leak': 'panic alpha throw',
  'example bridge-depth-leak': 'read beta TRUSTED_BRIDGE_CALL_DEPTH',
  'example escalation': 'refuse parent beta',
  'example resource-mismatch': 'refuse parent beta',
  'example parent-grant': 'check alpha http_get',
  'example three-way-fan-out': 'read beta VM_EXECUTION_CONTEXT',
  'example work-stealing': 'read alpha VM_EXECUTION_CONTEXT',
};

function shown(step: TraceStep): string {
  const what =
    step.kind === 'read' || step.kind === 'install'
      ? step.slot
      : step.kind === 'spawn' || step.kind === 'refuse'
        ? step.child
        : step.kind === 'check'
          ? step.call
          : step.kind === 'panic'
            ? 'throw'
            : '';
  return `${step.kind} ${step.task ?? 'outer'} ${what}`;
}

describe('golden share links open on the moment they showed', () => {
  it.each([...VERSION_1, ...GALLERY].filter((g) => g.name in SHOWN).map((g) => [g.name, g] as const))(
    'the %s link',
    (name, golden) => {
      const scenario = decodeLink(golden.link).value!;
      const step = simulate(scenario).steps[scenario.view.step]!;
      expect(shown(step)).toBe(SHOWN[name]);
    },
  );
});
