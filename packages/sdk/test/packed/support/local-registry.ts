import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { manifestOf } from './pack.js';

export interface LocalRegistry {
  /** Pass to npm as `--@ductape:registry=<url>`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A registry for the @ductape scope only, serving the given tarballs (any number of versions per
 * package), so npm resolves our packages by name and version as it would from npmjs.org, while every
 * other package still comes from the real registry.
 * @example const registry = await startLocalRegistry([coreTgz, sdkTgz]); // npm install --@ductape:registry=registry.url
 */
export async function startLocalRegistry(tarballs: readonly string[]): Promise<LocalRegistry> {
  const packuments = new Map<string, { name: string; versions: Record<string, unknown>; 'dist-tags': { latest: string } }>();
  const files = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
    const file = path.startsWith('/-/') ? files.get(path.slice(3)) : undefined;
    const doc = packuments.get(path.slice(1));
    if (file) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
    } else if (doc) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  for (const tgz of tarballs) {
    const manifest = await manifestOf(tgz);
    const bytes = readFileSync(tgz);
    files.set(basename(tgz), bytes);
    const name = manifest.name;
    const doc = packuments.get(name) ?? { name, versions: {}, 'dist-tags': { latest: manifest.version } };
    doc.versions[manifest.version] = {
      ...manifest,
      dist: {
        tarball: `${url}-/${basename(tgz)}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      },
    };
    const latest = Object.keys(doc.versions)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .pop() as string;
    doc['dist-tags'].latest = latest;
    packuments.set(name, doc);
  }
  return { url, close: () => new Promise<void>((done) => server.close(() => done())) };
}
