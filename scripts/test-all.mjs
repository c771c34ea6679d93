// `npm test`: every check the project has, in order, stopping at the first failure: type-check, lint, unit and
// component tests (vitest), production build, end-to-end tests in Debian's Chromium (node --test).
// Prints a closing "N passed, N failed" line (stages) that CI can read.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const stages = [
  ['type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['unit and component tests', 'npx', ['vitest', 'run']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  // The same app with the end-to-end tests' worker hook (`window.__harnScopeLab`), which production builds lack.
  ['build with the e2e test hook', 'npx', ['vite', 'build', '--mode', 'e2e', '--outDir', 'dist-e2e', '--logLevel', 'warn']],
  ['end-to-end (Chromium)', 'node', ['--test', '--test-concurrency=1', 'test/e2e/']],
];

if (!existsSync(chromium)) {
  console.error(`Chromium is not at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH). The end-to-end tests are not optional.`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const [name, command, args] of stages) {
  const begin = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - begin) / 1000).toFixed(1);
  if (result.status === 0) {
    passed++;
    console.log(`=== ${name}: ok (${seconds} s)`);
  } else {
    failed++;
    console.log(`=== ${name}: FAILED (exit ${result.status ?? result.signal}, ${seconds} s)`);
    break;
  }
}
const skipped = stages.length - passed - failed;
console.log(`\nstages: ${passed} passed, ${failed} failed${skipped ? ` (${skipped} not run after the failure)` : ''}`);
process.exit(failed ? 1 : 0);
