import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** True where the kernel's per-process socket table can be read (Linux /proc). */
export const canCountSockets = existsSync('/proc/self/fd') && existsSync('/proc/net/tcp');

/**
 * The TCP connections this process has open to `port` right now, as the kernel sees them (its
 * sockets in /proc/self/fd matched with /proc/net/tcp and tcp6): one id (the socket inode) per
 * connection. For a server that gives no per-client view of its connections.
 * @example socketsTo(27017).size
 */
export function socketsTo(port: number): Set<string> {
  const mine = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const link = readlinkSync(`/proc/self/fd/${fd}`);
      if (link.startsWith('socket:[')) mine.add(link.slice(8, -1));
    } catch {
      // closed meanwhile
    }
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[2]: remote address:port, f[3]: state (01 established), f[9]: inode
      if (f.length > 9 && f[2]?.endsWith(`:${hexPort}`) && f[3] === '01' && mine.has(f[9] as string)) found.add(f[9] as string);
    }
  }
  return found;
}
