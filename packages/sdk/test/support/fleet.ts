import type { MemoryAdapter, MemoryDatabase } from '@ductape/core/testing';
import { DatabaseService, type DuctapeConfig, type FleetEvent, type FleetTargetConfig, type Migration, MigrationEngine, migration } from '../../src/index.js';

let seq = 0;

/** A fleet of `count` in-memory targets (one MemoryDatabase per URL), named t01, t02, … */
export function memoryFleet(count: number, extra: Partial<DuctapeConfig> = {}): { config: DuctapeConfig; urls: string[]; names: string[] } {
  const id = `${process.pid}-${Date.now()}-${seq++}`;
  const names = Array.from({ length: count }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
  const urls = names.map((n) => `memory://fleet-${id}-${n}`);
  const targets: FleetTargetConfig[] = urls.map((url, i) => ({ url, name: names[i] as string }));
  return {
    config: { products: {}, ...extra, fleets: { tenants: { adapter: '@ductape/core/testing', environments: { prd: { targets } } } } },
    urls,
    names,
  };
}

/** The MemoryDatabase behind a memory:// URL (the same one the fleet's targets use). */
export async function memoryDatabase(url: string): Promise<MemoryDatabase> {
  const config: DuctapeConfig = { products: { p: { databases: { d: { adapter: '@ductape/core/testing', environments: { prd: url } } } } } };
  const db = new DatabaseService({ config, vars: {} });
  await db.connect({ env: 'prd', product: 'p', database: 'd' });
  return (db.getAdapter() as unknown as { target: MemoryAdapter }).target.database;
}

/** Three migrations every tenant gets; the third adds a field to "legacy", a table the tenant must already have. */
export function tenantMigrations(): Migration[] {
  return [
    migration('create_users')
      .createCollection('users', [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 'email', type: 'string', length: 255 },
      ])
      .build(),
    migration('add_phone').addField('users', { name: 'phone', type: 'string', length: 20 }).build(),
    migration('add_legacy_note').addField('legacy', { name: 'note', type: 'text' }).build(),
  ];
}

/** What every healthy tenant already has: the "legacy" table (a tenant without it fails add_legacy_note). */
export const legacyTable = (): Migration =>
  migration('legacy_table')
    .createCollection('legacy', [{ name: 'id', type: 'uuid', primaryKey: true }])
    .build();

/** Gives these targets the legacy table, as an older tool would have. */
export async function withLegacy(urls: readonly string[]): Promise<void> {
  const { MemoryAdapter } = await import('@ductape/core/testing');
  for (const url of urls) await new MigrationEngine(new MemoryAdapter({ database: await memoryDatabase(url) })).up(legacyTable());
}

/** Collects events and tracks the most targets running at once. */
export function eventLog(): { events: FleetEvent[]; maxRunning: () => number; onEvent: (e: FleetEvent) => void } {
  const events: FleetEvent[] = [];
  let running = 0;
  let max = 0;
  return {
    events,
    maxRunning: () => max,
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'target-start') max = Math.max(max, ++running);
      else running--;
    },
  };
}
