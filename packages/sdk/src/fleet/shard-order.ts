/** A runner's shard of a fleet: 1-based `index` of `count` (`--shard 2/4` is `{ index: 2, count: 4 }`). */
export interface FleetShard {
  readonly index: number;
  readonly count: number;
}

/**
 * The shard (1…count) a target belongs to: FNV-1a of its name, so every machine agrees whatever
 * order or length its list of targets has (a tenant added between two discoveries moves no other).
 * @example shardOf('tenant_42', 4) // 1, 2, 3 or 4, the same on every machine
 */
export function shardOf(name: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % count) + 1;
}

/**
 * The order a sharded runner takes targets in: its own shard's first (in fleet order), then every
 * other target from the end of the fleet backwards, so a runner done with its shard helps the
 * others from their far end instead of queueing behind them. Nothing is left out: a dead machine's
 * shard is still migrated by the others, and each target's own lock (plus the up-to-date check
 * before it) keeps any of them from being migrated twice.
 * @example shardOrder(targets, { index: 1, count: 2 }, (t) => t.name)
 */
export function shardOrder<T>(targets: readonly T[], shard: FleetShard | undefined, name: (t: T) => string): { ordered: T[]; own: number } {
  if (!shard || shard.count === 1) return { ordered: [...targets], own: targets.length };
  const own = targets.filter((t) => shardOf(name(t), shard.count) === shard.index);
  const others = targets.filter((t) => shardOf(name(t), shard.count) !== shard.index).reverse();
  return { ordered: [...own, ...others], own: own.length };
}
