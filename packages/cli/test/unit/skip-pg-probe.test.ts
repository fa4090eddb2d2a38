import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../support/cli.js';

// A fresh process each: what a cold `ductape status` loads is the point (this test's own process
// has long loaded whatever vitest needs).
function loadAdapter(skip: boolean): { undici: boolean; navigator: string; socket: string } {
  const script = `
import { skipPgRuntimeProbe } from './src/project/skip-pg-probe.ts';
if (${skip}) skipPgRuntimeProbe();
await import('@ductape/adapter-postgres');
const { createRequire } = await import('node:module');
const fromAdapter = createRequire(createRequire(import.meta.url).resolve('@ductape/adapter-postgres'));
const socket = fromAdapter('pg/lib/stream.js').getStream(false);
console.log(JSON.stringify({
  undici: process.moduleLoadList.includes('NativeModule internal/deps/undici/undici'),
  navigator: typeof globalThis.navigator,
  socket: socket.constructor.name,
}));
socket.destroy();
`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

describe('skipPgRuntimeProbe', () => {
  const node20 = typeof (globalThis as { navigator?: unknown }).navigator === 'undefined';

  it.runIf(node20)('loads pg without its Cloudflare probe pulling in undici, and leaves no navigator behind', () => {
    expect(loadAdapter(false).undici).toBe(true); // the cost this avoids is real on this Node.js
    const r = loadAdapter(true);
    expect(r).toEqual({ undici: false, navigator: 'undefined', socket: 'Socket' });
  });

  it('keeps pg on Node.js sockets', () => {
    expect(loadAdapter(true).socket).toBe('Socket');
  });
});
