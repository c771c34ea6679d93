import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The production page's Content-Security-Policy (issue 8): no inline script, no eval, workers and everything else from
 * the page's own origin. Styles allow 'unsafe-inline' because Monaco injects <style> elements at run time. Injected
 * only into the build: the dev server needs an inline React-refresh preamble.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'harn-scope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Who may frame the page (issue "Hardening"): only the page's own origin, except the embed (`/?embed#s=…`, the
 * stepper alone, read-only), which is meant for other sites' iframes and gets no frame-ancestors limit at all (`*`
 * would still refuse a host page with an opaque origin, such as a sandboxed or srcdoc frame). `frame-ancestors`
 * cannot be set from a <meta> CSP, so it is an HTTP header; the README's deployment notes say how to send it.
 */
export function frameAncestorsFor(url: string | undefined): string | null {
  const query = (url ?? '').split('#')[0]!.split('?')[1] ?? '';
  return new URLSearchParams(query).has('embed') ? null : "frame-ancestors 'self'";
}

function frameAncestors(): Plugin {
  const use = (middlewares: { use: (fn: (req: { url?: string }, res: { setHeader: (k: string, v: string) => void }, next: () => void) => void) => void }) =>
    middlewares.use((req, res, next) => {
      const policy = frameAncestorsFor(req.url);
      if (policy !== null) res.setHeader('Content-Security-Policy', policy);
      next();
    });
  return {
    name: 'harn-scope-frame-ancestors',
    // Block bodies: a hook that returns a function has it called as a post hook.
    configureServer(server) {
      use(server.middlewares);
    },
    configurePreviewServer(server) {
      use(server.middlewares);
    },
  };
}

/**
 * The boot script (src/boot.ts, issue 30) as an entry of its own, run by its own async <script> as soon as it has
 * arrived, so the core worker starts while the app's much larger script is still being fetched and compiled.
 * main.tsx imports it too (the dev server; in a build the app's script imports its chunk, and a module runs once).
 */
function bootEntry(): Plugin {
  return {
    name: 'harn-scope-boot-entry',
    apply: 'build',
    config: () => ({ build: { rollupOptions: { input: { index: 'index.html', boot: 'src/boot.ts' } } } }),
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        const app = html.indexOf('<script type="module"');
        if (!boot || app < 0) throw new Error('the boot entry (src/boot.ts) or the app script is missing');
        // Before the app's script, after the CSP <meta> (which covers what follows it). `async`: it runs as soon as it
        // has arrived, not after the document has been parsed and its style sheets loaded as a deferred module script
        // does (it reads only the address bar). The app's script imports it too, so it also runs before the app's.
        return `${html.slice(0, app)}<script type="module" async crossorigin src="/${boot.fileName}"></script>\n    ${html.slice(app)}`;
      },
    },
  };
}

// Monaco is large and lazily loaded in its own chunk; the warning limit is raised for it alone.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), frameAncestors(), bootEntry()],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 4000, target: 'es2022' },
  server: { host: '127.0.0.1' },
});
