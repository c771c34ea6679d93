// Reads the SCENARIO argument of a CLI command: a scenario JSON file, a share link (full URL), a `#s=…`
// fragment or `s=…`. Validates it (migrating older versions) and fails with one clear CliError line.
import { decodeLink, effectsFromValue, escapeText, formatScenarioError, grantErrorSummary, loadScenario, type Scenario, type ScenarioError } from '../core/index.ts';
import { CliError, parseJson, readText, type CommandContext } from './io.ts';

/** True when `arg` is a share link rather than a file path. */
export function isLinkArgument(arg: string): boolean {
  const text = arg.trim();
  return text.startsWith('#') || text.startsWith('s=') || /^https?:\/\//i.test(text);
}

/** The scenario `arg` names, normalized; throws CliError (`scenario.json: children[0].name: …`,
 * `link: …`) on any problem. */
export function readScenarioInput(arg: string, ctx: CommandContext): Scenario {
  const scenario = readScenarioShape(arg, ctx);
  // The schema checks grant records only as objects; one that does not decode would leave the grant unknown, and
  // a run must never go ahead as if nothing were refused (fail closed): name the record and stop.
  if (scenario.parent.grant !== null) {
    const decoded = effectsFromValue(scenario.parent.grant);
    if (decoded.errors.length > 0)
      throw new CliError(`${isLinkArgument(arg) ? 'link' : arg}: ${grantErrorSummary(decoded.errors)}; the grant is invalid, so no child would be spawned`);
  }
  return scenario;
}

/** The scenario `arg` names, validated by the schema only: an invalid grant record is left for the analysis to
 * report (check's S553 finding). */
export function readScenarioShape(arg: string, ctx: CommandContext): Scenario {
  const { scenario, warnings } = readScenarioLoaded(arg, ctx);
  // Loaded but ignored (a ceiling field harn ignores): said on stderr, never silently.
  for (const warning of warnings) ctx.stderr(`harn-scope: warning: ${escapeText(`${arg}: ${formatScenarioError(warning)}`)}\n`);
  return scenario;
}

/** The scenario `arg` names (schema-validated) and what the loader ignored (`children[0].ceiling.X`: a ceiling
 * field harn ignores), for `check` to report as findings. */
export function readScenarioLoaded(arg: string, ctx: CommandContext): { scenario: Scenario; warnings: ScenarioError[] } {
  if (isLinkArgument(arg)) {
    const decoded = decodeLink(arg);
    if (decoded.value === null) throw new CliError(`link: ${decoded.error?.message ?? 'cannot be opened'}`);
    return { scenario: decoded.value, warnings: [] };
  }
  const raw = parseJson(readText(arg, ctx.cwd), arg);
  const result = loadScenario(raw);
  if (result.value === null) {
    const [first] = result.errors;
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    throw new CliError(`${arg}: ${first ? formatScenarioError(first) : 'not a valid scenario'}${more}`);
  }
  return { scenario: result.value, warnings: result.warnings ?? [] };
}
