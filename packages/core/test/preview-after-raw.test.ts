import { describe, expect, it } from 'vitest';
import { MigrationEngine, ValidationError, migration } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

const create = () =>
  migration('create_t')
    .createCollection('t', { id: 'uuid', c: { type: 'string', length: 5 } })
    .build();
const raw = () =>
  migration('raw_step')
    .raw('memory', { set: 'k', value: 1 }, { down: { command: { delete: 'k' } } })
    .build();
/** Needs the live schema (no previous): what a raw step before it may have changed. */
const widen = () => migration('widen_c').modifyField('t', 'c', { length: 50 }).build();

// Issue 24: plan after a raw migration. A raw step may have changed any table; a later pending
// migration that reads the live schema is shown as checked at apply time, not as invalid.
describe('previewAll after a raw migration', () => {
  it('a migration that reads the live schema after an earlier raw one is deferred (no steps, not refused)', async () => {
    const engine = new MigrationEngine(new MemoryAdapter());
    const plans = await engine.previewAll([create(), raw(), widen()]);
    expect(plans.map((p) => [p.name, p.steps.length, p.deferred])).toEqual([
      ['create_t', 1, undefined],
      ['raw_step', 1, undefined],
      ['widen_c', 0, 'depends on a raw step; checked at apply time'],
    ]);
  });

  it('a migration that carries its definitions is still planned after the raw one', async () => {
    const engine = new MigrationEngine(new MemoryAdapter());
    const add = migration('add_d').addField('t', 'd', { type: 'integer' }).build();
    const plans = await engine.previewAll([create(), raw(), add]);
    expect(plans.map((p) => [p.name, p.steps.length, p.deferred])).toEqual([
      ['create_t', 1, undefined],
      ['raw_step', 1, undefined],
      ['add_d', 1, undefined],
    ]);
  });

  it('the raw step and the op that needs the schema in one migration: still refused (up refuses it too)', async () => {
    const engine = new MigrationEngine(new MemoryAdapter());
    const both = migration('raw_then_widen')
      .raw('memory', { set: 'k', value: 1 }, { down: { command: { delete: 'k' } } })
      .modifyField('t', 'c', { length: 50 })
      .build();
    await expect(engine.previewAll([create(), both])).rejects.toMatchObject({ code: 'DUCTAPE_VALIDATION', issues: [expect.objectContaining({ code: 'unresolvable_after_raw' })] });
  });

  it('a deferred migration invalid for reasons of its own is still refused (an op the adapter cannot compile)', async () => {
    const engine = new MigrationEngine(new MemoryAdapter());
    // A raw memory op without a command is refused by the adapter's compile, whatever the schema.
    const bad = migration('bad_after_raw').modifyField('t', 'c', { length: 50 }).raw('memory', 'not a command', { down: 'x' }).build();
    const error = await engine.previewAll([create(), raw(), bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.code)).toEqual(['raw_needs_command']);
  });

  it('up applies the deferred one after the raw step ran, as the plan said', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    for (const m of [create(), raw(), widen()]) await engine.up(m);
    expect((await adapter.introspect('t'))?.fields.find((f) => f.name === 'c')).toMatchObject({ length: 50 });
  });
});
