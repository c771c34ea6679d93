// `harn-scope` command-line entry: a thin shell over core. Parses argv, dispatches to one command module.
// Exit codes: 0 ok, 1 findings (errors, violations), 2 bad input or usage (one clear line on stderr).
import { escapeText } from '../core/index.ts';
import { CliError, type CommandContext } from './io.ts';

const COMMANDS: Record<string, () => Promise<{ run: (args: string[], ctx: CommandContext) => Promise<number> }>> = {
  parse: () => import('./commands/parse.ts'),
  effects: () => import('./commands/effects.ts'),
  simulate: () => import('./commands/simulate.ts'),
  explore: () => import('./commands/explore.ts'),
  link: () => import('./commands/link.ts'),
  check: () => import('./commands/check.ts'),
  drift: () => import('./commands/drift.ts'),
  suggest: () => import('./commands/suggest.ts'),
  diff: () => import('./commands/diff.ts'),
};

const USAGE = `usage: harn-scope <command> [options]

commands:
  parse FILE... [--json] [--ast]                 parse Harn files, print diagnostics
  effects CHILD [--parent FILE] [--ceiling FILE] [--json] [--strict]
                                                 handoff effects, ceiling drops, grant violations,
                                                 effects harn does not see (--strict: fail on them)
  simulate SCENARIO [--mode M] [--threads N] [--json] [--trace] [--quiz]
                                                 run the simulated scheduler (--trace prints every step;
                                                 --threads N: 1-4 simulated threads, work stealing;
                                                 --quiz: Predict mode's questions, choices and answers)
  explore SCENARIO [--mode M] [--threads N] [--max-schedules N] [--no-prune] [--json]
                                                 search every interleaving (and thread choice) for cross-wires
  link SCENARIO.json | link --decode FRAGMENT_OR_URL
                                                 encode / decode a share link
  check CONFIG... [--format text|json|sarif|github|junit] [--strict] [--isolation]
                                                 CI gate over scenarios, links or harn-scope.json configs
  drift DIR|FILE... [--catalog CATALOG.json] [--json] | drift --print-catalog
                                                 the F3 drift guard: every ambient-shape thread-local classified?
  suggest CONFIG|SCENARIO [--json] [--granularity exact|kind] [--tighten] [--apply]
                                                 least-privilege ceilings and the smallest parent grant
  diff A B [--child NAME]... [--json]            two configs' policies compared: effects newly allowed and
                                                 newly denied, and a diff of the fields

Every command takes --help.

SCENARIO is a scenario JSON file, a share link, or a #s=… fragment.`;

/** Commands that print their own, longer `--help`. */
const OWN_HELP = new Set(['check', 'suggest', 'diff']);

/** The overview's lines for one command (from its line to the next command's). */
function commandHelp(name: string): string {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${name} `));
  const out = [`usage: ${lines[start]!.trim()}`];
  for (const line of lines.slice(start + 1)) {
    if (!/^ {20,}/.test(line)) break;
    out.push(line.trim());
  }
  return out.join('\n');
}

export async function main(argv: string[], ctx: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    // A usage error: the usage goes to stderr, so a pipeline reading stdout sees nothing.
    ctx.stderr(USAGE + '\n');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(USAGE + '\n');
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    ctx.stderr(`harn-scope: unknown command "${escapeText(name)}" (expected one of ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  // `--help` on a command without its own help page: that command's lines of the overview.
  if ((rest.includes('--help') || rest.includes('-h')) && !OWN_HELP.has(name)) {
    ctx.stdout(commandHelp(name) + '\n');
    return 0;
  }
  try {
    const command = await load();
    return await command.run(rest, ctx);
  } catch (error) {
    if (error instanceof CliError) {
      // One line, whatever a path or value in the message holds (a CI log reads stderr for commands too).
      ctx.stderr(`harn-scope ${name}: ${escapeText(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

const isEntry = process.argv[1] && /main\.ts$|harn-scope(\.mjs)?$/.test(process.argv[1]);
if (isEntry) {
  // A reader that stops early (`harn-scope simulate --trace … | head -1`) closes the pipe: end quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  const ctx: CommandContext = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), ctx).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`harn-scope: internal error (a bug): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
