// The CLI run in-process from a directory, its exit code and both streams collected: the `cli(...argv)` of the CLI
// tests.
import { main } from '../../src/cli/main.ts';

export function cliIn(cwd: string) {
  return async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    return { code, stdout, stderr };
  };
}
