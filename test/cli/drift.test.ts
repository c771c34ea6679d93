// `harn-scope drift`: a harn-vm src/ tree built from the built-in catalog itself is clean (exit 0); one with a
// new, a removed and a test-only thread-local drifts (exit 1) with the seed's messages; bad input exits 2.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { BUILTIN_DRIFT_CATALOG, DRIFT_MESSAGES, driftCatalogToJson } from '../../src/core/index.ts';

const root = mkdtempSync(join(tmpdir(), 'harn-scope-drift-'));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const decl = (name: string) => `thread_local! {\n    static ${name}: RefCell<Vec<u8>> = RefCell::new(Vec::new());\n}\n`;

// clean/src: every cataloged thread-local, one module each, plus noise the scan must ignore.
for (const entry of BUILTIN_DRIFT_CATALOG.entries) write(`clean/src/orchestration/${entry.name.toLowerCase()}.rs`, decl(entry.name));
write('clean/src/lib.rs', 'static SCHEMA_CACHE: RefCell<u8> = RefCell::new(0);\nstatic COUNTER_DEPTH: Cell<usize> = Cell::new(0);\n');
// drifted/src: ACTIVE_BILLING_TENANT_STACK added, VM_TRACE_STACK removed, a test-only stack under testing/.
for (const entry of BUILTIN_DRIFT_CATALOG.entries)
  if (entry.name !== 'VM_TRACE_STACK') write(`drifted/src/${entry.name.toLowerCase()}.rs`, decl(entry.name));
write('drifted/src/harness_billing.rs', decl('ACTIVE_BILLING_TENANT_STACK'));
write('drifted/src/testing/mock.rs', decl('MOCK_CLOCK_STACK'));
write('catalog.json', JSON.stringify(driftCatalogToJson(BUILTIN_DRIFT_CATALOG)));
write('bad-catalog.json', JSON.stringify({ entries: [{ name: 'X_STACK', scoping: 'uncaptured' }] }));
write('latin1.rs', '');
writeFileSync(join(root, 'latin1.rs'), Buffer.from([0x73, 0xe9, 0x0a]));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: root };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}

describe('harn-scope drift', () => {
  it('exits 0 on a tree built from the catalog itself', async () => {
    const { code, stdout, stderr } = await cli('drift', 'clean/src');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('scanned 29 .rs files (0 skipped)');
    expect(stdout).toContain('discovered (28): ACTIVE_DISPATCH_CONTEXT, ACTIVE_HARN_CONNECTOR_CTX,');
    expect(stdout).toContain('missing (0): none\nstale (0): none\nclean: every ambient-shape thread-local is classified\n');
  });

  it('prints discovered, missing and stale names and exits 1 on drift', async () => {
    const { code, stdout } = await cli('drift', 'drifted/src');
    expect(code).toBe(1);
    expect(stdout).toContain('(1 skipped)');
    expect(stdout).toContain('missing (1): ACTIVE_BILLING_TENANT_STACK\nstale (1): VM_TRACE_STACK\n');
    expect(stdout).toContain(`drift (missing): ${DRIFT_MESSAGES.missing(['ACTIVE_BILLING_TENANT_STACK'])}\n`);
    expect(stdout).toContain(`drift (stale): ${DRIFT_MESSAGES.stale(['VM_TRACE_STACK'])}\n`);
    expect(stdout).not.toContain('MOCK_CLOCK_STACK');
  });

  it('--json prints the issue keys exactly', async () => {
    const { code, stdout } = await cli('drift', 'drifted/src', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['discovered', 'missing', 'stale', 'captured_mismatch', 'latent']);
    expect(json).toMatchObject({
      missing: ['ACTIVE_BILLING_TENANT_STACK'],
      stale: ['VM_TRACE_STACK'],
      captured_mismatch: { extra: [], absent: [] },
      latent: [],
    });
    expect((json.discovered as string[]).length).toBe(28);
  });

  it('scans single files and compares them with a catalog file', async () => {
    const { code, stdout } = await cli('drift', 'drifted/src/harness_billing.rs', '--catalog', 'catalog.json', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { discovered: string[]; stale: string[] };
    expect(json.discovered).toEqual(['ACTIVE_BILLING_TENANT_STACK']);
    expect(json.stale).toHaveLength(28);
  });

  it('--print-catalog prints the built-in catalog as a catalog file', async () => {
    const { code, stdout } = await cli('drift', '--print-catalog');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(driftCatalogToJson(BUILTIN_DRIFT_CATALOG));
  });

  it.each([
    [['drift'], 'harn-scope drift: expected a harn-vm src/ directory or .rs files'],
    [['drift', 'nowhere'], 'harn-scope drift: cannot read nowhere: no such file or directory'],
    [['drift', 'latin1.rs'], 'harn-scope drift: cannot read latin1.rs: not UTF-8 text'],
    [['drift', 'clean/src', '--catalog', 'bad-catalog.json'], 'harn-scope drift: bad-catalog.json: entries[0].reason: expected a non-empty string'],
  ])('exits 2 on bad input: %j', async (argv, message) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads only regular files below the directory: a FIFO, a dangling link, loops, a 300 MB file and /dev/zero are each named and skipped', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'harn-scope-drift-odd-'));
    mkdirSync(join(tree, 'src/inner'), { recursive: true });
    for (const entry of BUILTIN_DRIFT_CATALOG.entries) writeFileSync(join(tree, `src/${entry.name.toLowerCase()}.rs`), decl(entry.name));
    execFileSync('mkfifo', [join(tree, 'src/pipe.rs')]);
    symlinkSync('/dev/zero', join(tree, 'src/zero.rs'));
    symlinkSync('nowhere.rs', join(tree, 'src/dangling.rs'));
    symlinkSync('..', join(tree, 'src/inner/up'));
    symlinkSync('b.rs', join(tree, 'src/a.rs'));
    symlinkSync('a.rs', join(tree, 'src/b.rs'));
    const first = `${BUILTIN_DRIFT_CATALOG.entries[0]!.name.toLowerCase()}.rs`;
    symlinkSync(first, join(tree, 'src/again.rs'));
    writeFileSync(join(tree, 'src/big.rs'), '');
    truncateSync(join(tree, 'src/big.rs'), 300 * 1024 * 1024);
    let stdout = '';
    let stderr = '';
    const code = await main(['drift', 'src'], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: tree });
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    const lines = stdout.split('\n');
    for (const [path, why] of [
      ['pipe.rs', 'a FIFO (named pipe), not a regular file'],
      ['zero.rs', 'a symlink leading outside the directory (to /dev/zero), not followed'],
      ['dangling.rs', 'a symlink whose target does not exist'],
      ['inner/up', 'a symlink loop'],
      ['a.rs', 'a symlink loop'],
      ['b.rs', 'a symlink loop'],
      ['big.rs', '314,572,800 bytes, over the 16,777,216 bytes limit per file'],
      [first, 'the same file or directory as again.rs, already scanned (not read twice)'],
    ])
      expect(lines).toContain(`not read: ${path}: ${why}`);
    // Every cataloged source was still scanned; the unread 300 MB source makes the verdict unknown, not clean.
    expect(stdout).toContain('missing (0): none\nstale (0): none\n');
    expect(stdout).toContain('unknown: 1 .rs file could not be read, so the scan is incomplete');
    expect(code).toBe(1);
  });

  it('refuses a FIFO or a device named on the command line (exit 2) instead of reading it', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'harn-scope-drift-fifo-'));
    execFileSync('mkfifo', [join(tree, 'pipe.rs')]);
    symlinkSync('/dev/zero', join(tree, 'zero.rs'));
    for (const [name, why] of [['pipe.rs', 'a FIFO (named pipe)'], ['zero.rs', 'a device']] as const) {
      let stderr = '';
      const code = await main(['drift', name], { stdout: () => {}, stderr: (t) => void (stderr += t), cwd: tree });
      expect(code).toBe(2);
      expect(stderr).toBe(`harn-scope drift: cannot read ${name}: ${why}, not a regular file\n`);
    }
  });
});
