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
 * stepper alone, read-only), which is meant for other sites' iframes. `frame-ancestors` cannot be set from a
 * <meta> CSP, so it is an HTTP header; the README's deployment notes say how to send it from a static host.
 */
export function frameAncestorsFor(url: string | undefined): string {
  const query = (url ?? '').split('#')[0]!.split('?')[1] ?? '';
  const embed = new URLSearchParams(query).has('embed');
  return embed ? 'frame-ancestors *' : "frame-ancestors 'self'";
}

function frameAncestors(): Plugin {
  const use = (middlewares: { use: (fn: (req: { url?: string }, res: { setHeader: (k: string, v: string) => void }, next: () => void) => void) => void }) =>
    middlewares.use((req, res, next) => {
      res.setHeader('Content-Security-Policy', frameAncestorsFor(req.url));
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

// Monaco is large and lazily loaded in its own chunk; the warning limit is raised for it alone.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), frameAncestors()],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 4000, target: 'es2022' },
  server: { host: '127.0.0.1' },
});
