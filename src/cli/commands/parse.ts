// `parse FILE… [--json] [--ast]`: parses Harn files and prints their diagnostics (DESIGN §7).
// Human form: `file:line:col: severity CODE: message` lines and a summary; --json: one object per file per line.
import { createLineIndex, parse } from '../../core/index.ts';
import { CliError, diagnosticToJson, formatDiagnostic, parseArgs, readText, type CommandContext } from '../io.ts';

const USAGE = 'usage: parse FILE... [--json] [--ast]';

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, [], ['json', 'ast']);
  if (parsed.positionals.length === 0) throw new CliError(`expected at least one file (${USAGE})`);
  if (parsed.flags.has('ast') && !parsed.flags.has('json')) throw new CliError(`--ast needs --json (${USAGE})`);
  // Read everything first: an unreadable file is bad input (exit 2) before any output.
  const inputs = parsed.positionals.map((file) => ({ file, source: readText(file, ctx.cwd) }));
  let filesWithErrors = 0;
  let errors = 0;
  let warnings = 0;
  for (const { file, source } of inputs) {
    const result = parse(source);
    const lines = createLineIndex(source);
    const fileErrors = result.diagnostics.filter((d) => d.severity === 'error').length;
    errors += fileErrors;
    warnings += result.diagnostics.filter((d) => d.severity === 'warning').length;
    if (fileErrors > 0) filesWithErrors++;
    if (parsed.flags.has('json')) {
      const out: Record<string, unknown> = { file, ok: fileErrors === 0, diagnostics: result.diagnostics.map((d) => diagnosticToJson(d, lines)) };
      if (parsed.flags.has('ast')) out.ast = result.program;
      ctx.stdout(JSON.stringify(out) + '\n');
    } else {
      for (const d of result.diagnostics) ctx.stdout(formatDiagnostic(file, d, lines) + '\n');
    }
  }
  if (!parsed.flags.has('json')) {
    const files = `${inputs.length} file${inputs.length === 1 ? '' : 's'}`;
    ctx.stdout(`${files} parsed: ${inputs.length - filesWithErrors} ok, ${filesWithErrors} with errors (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`);
  }
  return filesWithErrors > 0 ? 1 : 0;
}
