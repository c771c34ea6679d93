// A fake core worker client from the few functions a test gives: every other worker function rejects, naming itself,
// as a worker that cannot answer would. Components reach the client through CoreClientContext, typed as the whole
// client; a test's fake implements only what it exercises (each function checked against the real signature).
import type { CoreClient } from '../../src/worker/client.ts';

export function fakeClient(functions: Partial<CoreClient>): CoreClient {
  return new Proxy(functions, {
    get: (target, name) =>
      typeof name === 'string' && name !== 'then' ? (target[name as keyof CoreClient] ?? (() => Promise.reject(new Error(`the fake client has no ${name}`)))) : undefined,
  }) as CoreClient;
}
