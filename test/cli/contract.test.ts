// The CLI contract under bad input (issue "Hardening"): usage on stderr, a BOM accepted, invalid UTF-8 named by
// offset, an option never taking the next flag as its value, inputs capped in size and in waiting time, a closed
// pipe ending quietly, and the heavy ten-million-step scenario stopping at the trace limit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLink, loadScenario } from '../../src/core/index.ts';
import { firstInvalidUtf8, MAX_INPUT_BYTES } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { HEAVY_SCENARIO } from '../fixtures/heavy.ts';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'harn-contract-'));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('the CLI contract', () => {
  it('prints the usage on stderr with exit 2 when no command is given, on stdout with exit 0 for --help', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^usage: harn-scope <command>/);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: harn-scope <command>/);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    writeFileSync(join(dir, 'bom.harn'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('pipeline main() { read_file("a") }\n')]));
    const { code, stdout, stderr } = await cli('parse', 'bom.harn');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 ok/);
  });

  it('refuses invalid UTF-8, naming the byte offset', async () => {
    writeFileSync(join(dir, 'bad.harn'), Buffer.concat([Buffer.from('pipeline main() { read_file("'), Buffer.from([0xc3, 0x28]), Buffer.from('") }\n')]));
    const { code, stderr } = await cli('parse', 'bad.harn');
    expect(code).toBe(2);
    expect(stderr).toBe('harn-scope parse: bad.harn is not UTF-8 text: byte 29 (0xc3) does not start a valid UTF-8 character\n');
  });

  it.each([
    [[0x41, 0xe2, 0x82, 0xac], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0xc0, 0x80], 0],
    [[0x41, 0xed, 0xa0, 0x80], 1],
    [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x41, 0x42, 0xe2, 0x82], 2],
    [[0x80], 0],
  ])('firstInvalidUtf8(%j) = %i', (bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });

  it('never takes the next flag as an option value', async () => {
    writeFileSync(join(dir, 'c.harn'), 'pipeline main() { read_file("a") }\n');
    const { code, stderr } = await cli('effects', 'c.harn', '--ceiling', '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/option --ceiling needs a value, but the next argument is the option --json/);
  });

  it('refuses /dev/zero at the input limit instead of exhausting memory', async () => {
    const { code, stderr } = await cli('parse', '/dev/zero');
    expect(code).toBe(2);
    expect(stderr).toBe(`harn-scope parse: cannot read /dev/zero: it is over the ${MAX_INPUT_BYTES.toLocaleString('en-US')}-byte input limit\n`);
  });

  it('refuses a regular file over the input limit from its size, without reading it', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    spawnSync('truncate', ['-s', String(MAX_INPUT_BYTES + 1), big]);
    const { code, stderr } = await cli('simulate', 'big.json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/it is 16,777,217 bytes, over the 16,777,216-byte input limit/);
  });

  it('gives up on a FIFO with no writer after the read timeout', async () => {
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const { code, stderr } = await cli('parse', 'fifo');
    expect(code).toBe(2);
    expect(stderr).toMatch(/no data arrived within 5 s/);
  }, 20_000);

  it('stops the heavy ten-million-step link at the trace limit with the limit sentence', async () => {
    const link = encodeLink(loadScenario(HEAVY_SCENARIO).value!);
    expect(link.length).toBeLessThan(500);
    const { code, stdout } = await cli('simulate', link);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Stopped at 50,000 steps: a run with a trace keeps at most 50,000 steps, though run\.maxSteps allows 10,000,000/);
  }, 30_000);

  it('ends quietly when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/harn-scope.mjs'), 'simulate', join(ROOT, 'examples/f1-cwd-env.json'), '--trace'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
