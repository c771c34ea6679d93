// Placeholder until the link command lands; replaced by its owner.
import { CliError, type CommandContext } from '../io.ts';

export async function run(_args: string[], _ctx: CommandContext): Promise<number> {
  throw new CliError('not built yet');
}
