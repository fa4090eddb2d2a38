/** What a watch saw while `fn` ran: its result, the most connections at once, every one seen and how many reads. */
export interface Watched<T, K> {
  readonly result: T;
  readonly most: number;
  readonly seen: Set<K>;
  readonly reads: number;
}

/**
 * Runs `fn` while `read` lists the connections the server (or this process) sees, back to back:
 * the fleet connection tests check from it that a run never holds more than its concurrency and
 * reuses what it opened.
 * @example const run = await watchConnections(() => pidsOf(db), () => fleet.up({ env: 'dev', concurrency: 4 }));
 */
export async function watchConnections<T, K>(read: () => Promise<readonly K[]> | readonly K[], fn: () => Promise<T>): Promise<Watched<T, K>> {
  let done = false;
  let most = 0;
  let reads = 0;
  const seen = new Set<K>();
  const watch = (async () => {
    while (!done) {
      const now = await read();
      reads++;
      most = Math.max(most, now.length);
      for (const c of now) seen.add(c);
      await new Promise((r) => setImmediate(r)); // a read that does no IO must not starve the run
    }
  })();
  try {
    return { result: await fn(), most, seen, reads };
  } finally {
    done = true;
    await watch;
  }
}
