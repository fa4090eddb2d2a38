import { createRequire } from 'node:module';

/**
 * Loads the `pg` driver's stream module (the one the sdk's PostgreSQL adapter will use) before the
 * adapter does, with `navigator.userAgent` set for that one synchronous `require`. On Node.js 20,
 * which has no global `navigator`, pg asks `typeof Response` at load to detect Cloudflare Workers,
 * and that loads Node's bundled undici (http, http2, tls, zlib, web streams): about 25 ms of a
 * ~150 ms `ductape status`. With a user agent that is not `Cloudflare-Workers` pg picks its Node.js
 * sockets at once, as it does on Node.js 21+. The global is removed again before anything else
 * runs; when anything is not as expected (another pg, newer Node.js) this does nothing.
 * @example skipPgRuntimeProbe(); // then connect as usual
 */
export function skipPgRuntimeProbe(): void {
  const g = globalThis as { navigator?: unknown };
  if (g.navigator !== undefined) return;
  try {
    const fromCli = createRequire(import.meta.url);
    const sdk = fromCli.resolve('@ductape/sdk');
    const adapter = createRequire(sdk).resolve('@ductape/adapter-postgres');
    const requireFromAdapter = createRequire(adapter);
    const stream = requireFromAdapter.resolve('pg/lib/stream.js');
    if (requireFromAdapter.cache[stream]) return;
    g.navigator = { userAgent: 'Node.js' };
    try {
      requireFromAdapter(stream);
    } finally {
      delete g.navigator;
    }
  } catch {
    // not resolvable from here (another layout): pg probes as usual
  }
}
