// The production build served on loopback, for the in-browser benches (latency.ts, boot.ts): `vite build` into a
// fresh temporary directory (never dist/, which e2e runs and other engineers use), then `vite preview` over it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/** Builds the app into a fresh temporary directory and returns it. */
export function buildApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'harn-bench-'));
  const result = spawnSync(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}${result.stderr}`);
  return outDir;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `vite preview` over `outDir`, as the e2e harness's startServer does over dist/. */
export async function serveApp(outDir: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [VITE, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = performance.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return { url, process: child };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || performance.now() > deadline) {
      child.kill();
      throw new Error('vite preview did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
