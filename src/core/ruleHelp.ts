// The help of every diagnostic code as code scanning shows it: a full description, what it means and how to fix it
// (Markdown), and the anchor of its section in docs/rules.md (generated from this table). One place; the SARIF
// formatter and the docs page read it. Pure data: depends on ./diagnostics.ts.
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics.ts';

interface RuleHelp {
  /** What the finding means, in full. */
  means: string;
  /** How to make it go away (or why it is fine). */
  fix: string;
}

const SYNTAX: RuleHelp = {
  means: 'The program does not parse here, so its effects are unknown (never taken as none): nothing it does is checked.',
  fix: 'Correct the syntax at the marked position; the message says what was expected.',
};

const HELP: Record<DiagnosticCode, RuleHelp> = {
  H101: SYNTAX, H102: SYNTAX, H103: SYNTAX, H104: SYNTAX, H105: SYNTAX, H201: SYNTAX, H202: SYNTAX, H203: SYNTAX,
  H204: SYNTAX, H205: SYNTAX, H206: SYNTAX, H207: SYNTAX, H208: SYNTAX, H209: SYNTAX,
  H106: {
    means: 'The source holds an invisible or bidirectional control character, which can make code read differently from what runs.',
    fix: 'Remove the character, or write it as an escape if it is meant.',
  },
  H210: {
    means: 'A "}" stands at the top level with no block to close; harn\'s parser skips it without a word, so it is usually a leftover of an edit.',
    fix: 'Remove the brace, or add the opening brace it was meant to close.',
  },
  H301: { means: 'The program nests deeper than the parser follows; what lies deeper is not analyzed.', fix: 'Flatten the nesting (a helper function, an early return).' },
  H302: { means: 'The parser stopped reporting after many diagnostics.', fix: 'Fix the first ones; the rest often follow from them.' },
  'HARN-CAP-301': {
    means: "A child's effect (after its ceiling) is not covered by any record of the parent's grant, so harn refuses the child at spawn. A grant record covers an effect of the same kind family with a scope at least as wide, and, when the record names a resource, exactly that resource.",
    fix: 'Add the record the finding carries (`fix`) to the parent grant, or stop the child from requesting the effect (or drop it in its ceiling). `harn-scope suggest` writes the smallest grant covering every child.',
  },
  L401: { means: 'The ceiling names a side_effect_level harn does not know; it ranks above every known level, so it drops nothing.', fix: 'Use one of none, read_only, workspace_write, process_exec, network.' },
  L402: { means: 'The ceiling names a capability or op that no effect maps to, so it allows nothing.', fix: 'Use the capability.op the effect maps to (the message lists the known ones), or remove the entry.' },
  L403: { means: 'The ceiling lists no capabilities and sets no side_effect_level, so it keeps every effect.', fix: 'Set capabilities or side_effect_level; `harn-scope suggest` writes the tightest ceiling keeping what the child requests.' },
  L404: { means: 'No effect any child is granted uses this parent grant record: it allows access nobody needs.', fix: 'Remove the record (`check --coverage` lists each record with what uses it).' },
  L405: { means: "The child requests the effect but its ceiling drops it (by capability/op or side_effect_level); harn removes it from the child's handoff.", fix: 'If the child needs it, allow its capability.op (and level) in the ceiling; otherwise remove the call.' },
  L406: { means: "The call has an effect harn's handoff analysis does not look at (top-level code, closures, interpolation, …), so no ceiling or grant checks it.", fix: 'Move the call where the analysis sees it (a pipeline or function body), or make sure the parent grant covers it (`--strict` fails when it does not).' },
  L407: { means: 'A policy field was ignored: an unknown field (with the nearest known name) or a key written twice.', fix: 'Correct the field name or remove the duplicate.' },
  L408: { means: 'An `// @expect` line does not hold for the current policies (an effect the program does not request is decided as if it did).', fix: 'Change the policy so the expectation holds, or correct the expectation.' },
  L409: { means: 'The ceiling names an op no computed effect maps to (such as workspace.exists), so it allows nothing.', fix: 'Use the op the effect maps to (file_exists is fs:read, checked as workspace.read_text).' },
  L410: { means: "The ceiling's tools list is not read by the effect clamp: it allows or drops nothing.", fix: 'Allow tool calls with capabilities.host ["tool_call"]; keep tools only for what else reads it.' },
  L411: { means: 'A hostcall not named process.* ranks read_only in harn, so any side_effect_level from read_only up keeps it, whatever it does.', fix: 'Constrain the hostcall with capabilities (connector.call), not the level.' },
  L412: { means: "A grant's llm record names a provider or model, but harn's coverage matches llm effects by kind only: it covers every model.", fix: 'Write the record without provider and model, so it says what it allows.' },
  L413: {
    means: "The call's resource argument is a variable. harn's analysis takes an identifier argument's own text as the resource, not the variable's value: `write_file(target, …)` is `fs:write (target)`, so a grant record for the file's real path does not cover it.",
    fix: 'Pass the path as a string literal where the policy should match it, or grant the record for the name harn computes (or one without a resource).',
  },
  S550: { means: 'A program does not parse; it is simulated without its body.', fix: 'Correct its syntax.' },
  S551: { means: 'The parent grant is unknown, so the run refuses no child at spawn.', fix: 'Make the parent parse, or give an explicit grant.' },
  S552: {
    means: 'A task program unrolls (loops over literal lists, fanned-out calls) to more scheduler ops than the compiler keeps (MAX_TASK_OPS); the rest is not simulated, so the run, its verdicts and the explorer are incomplete.',
    fix: 'Shorten the program or its loops, or simulate the part that matters on its own.',
  },
  S553: { means: 'The parent grant does not decode, so no child is spawned.', fix: 'Correct the grant record the message names.' },
  S554: {
    means: "In the simulated run, a task read another task's ambient value (cwd, env, policy, session): the cross-wiring bug of per-thread scope without a per-poll swap.",
    fix: "Run with scope swapped on every poll (mode scoped), or capture the slot the message names.",
  },
  S555: { means: 'After the run the outer thread still holds a task value: a scope was not restored (a panic without a restore guard).', fix: 'Restore scope in a guard that runs on panic (mode scoped).' },
  S556: { means: "A child is refused at spawn: its effects escape the parent's grant (HARN-CAP-301).", fix: 'Fix the HARN-CAP-301 findings of that child.' },
  S557: { means: 'The config or scenario names no child, so there is nothing to check and a clean result would claim nothing.', fix: 'List the children (name, file and ceiling) under "children".' },
  S558: {
    means: "The scenario carries a goal (a challenge or an exercise: a cross-wire, leak, refusal, violation, migration, panic or clean run to reach) and its run does not meet it, or does not establish it (a run cut at its step bound), or it changes what the challenge does not allow.",
    fix: 'Change what the goal allows (the picks, and where allowed the capture set, the mode or the programs) until the run meets it; the message names each term that does not hold and why.',
  },
  S559: {
    means: "A program's own function is called more than MAX_CALL_DEPTH (8) calls deep, by recursion or a long chain of calls: the scheduler's compiler unrolls calls that far and leaves out what the deeper calls do, so the run, its verdicts and the explorer are incomplete. The effects analysis is not cut: it sees every call.",
    fix: 'Unroll the recursion into a loop, or simulate a version that recurses fewer levels; the message names the call.',
  },
  P601: {
    means: 'Compared as policies with the baseline given to `check --baseline`, a grant or ceiling now allows an effect the baseline did not, whether or not a child requests it today (no new access).',
    fix: 'If the new access is meant, make the change the new baseline; otherwise narrow the policy. `harn-scope diff OLD NEW` lists every effect newly allowed and newly denied.',
  },
};

/** The anchor of a code's section in docs/rules.md. */
export function ruleAnchor(code: DiagnosticCode): string {
  return code.toLowerCase();
}

/** A code's help: the summary, what it means and how to fix it, as SARIF's `fullDescription` and `help`. */
export function ruleHelp(code: DiagnosticCode): { summary: string; full: string; markdown: string; text: string } {
  const help = HELP[code];
  const summary = DIAGNOSTIC_CODES[code].summary;
  return {
    summary,
    full: help.means,
    text: `${help.means} How to fix: ${help.fix}`,
    markdown: `**${summary}**\n\n${help.means}\n\n**How to fix:** ${help.fix}`,
  };
}

/** docs/rules.md, whole: one section per code. */
export function rulesDocument(): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const sections = codes.map((code) => {
    const { summary } = ruleHelp(code);
    const help = HELP[code];
    return `<a id="${ruleAnchor(code)}"></a>\n## ${code}: ${summary}\n\nSeverity: ${DIAGNOSTIC_CODES[code].severity}.\n\n${help.means}\n\n**How to fix:** ${help.fix}\n`;
  });
  return `# Rules of harn-scope\n\nEvery finding of \`harn-scope check\` (and every diagnostic of the playground) has one of these codes. Generated from \`src/core/ruleHelp.ts\`.\n\n${sections.join('\n')}`;
}
