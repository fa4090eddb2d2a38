import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

const { MigrationEngine, MigrationHelpers, migration } = core;
const good = () => migration('good').createCollection('t', { id: 'uuid' }).build();
const weird: unknown[] = [undefined, null, 0, 42, '', 'x y', true, [], {}, () => 1, Symbol('s'), 10n, new Date('nope')];

// Each entry calls one public function with one wrong argument. Every call must throw a
// DuctapeError with a code (or return normally); a TypeError from inside would fail the test.
const calls: [string, (w: never) => unknown][] = [
  ['generateTag(name)', (w) => core.generateTag(w)],
  ['generateTag(name, at)', (w) => core.generateTag('ok', w)],
  ['MigrationHelpers.generateTag', (w) => MigrationHelpers.generateTag(w)],
  ['MigrationHelpers.checksum', (w) => MigrationHelpers.checksum(w)],
  ['MigrationHelpers.assertValid', (w) => MigrationHelpers.assertValid(w)],
  ['checksum', (w) => core.checksum(w)],
  ['canonicalJson', (w) => core.canonicalJson({ a: [w] })],
  ['migration(name)', (w) => migration(w)],
  ['new MigrationBuilder(name)', (w) => new core.MigrationBuilder(w)],
  ['description', (w) => migration('m').description(w)],
  ['tag', (w) => migration('m').tag(w).createCollection('t', { id: 'uuid' }).build()],
  ['at', (w) => migration('m').at(w)],
  ['operation', (w) => migration('m').operation(w).build()],
  ['createCollection(name)', (w) => migration('m').createCollection(w, { id: 'uuid' }).build()],
  ['createCollection(fields)', (w) => migration('m').createCollection('t', w).build()],
  ['createCollection(field spec)', (w) => migration('m').createCollection('t', { id: w }).build()],
  ['createCollection(options)', (w) => migration('m').createCollection('t', { id: 'uuid' }, w).build()],
  ['dropCollection', (w) => migration('m').dropCollection('t', w).build()],
  ['addField(field)', (w) => migration('m').addField('t', w).build()],
  ['addField(spec)', (w) => migration('m').addField('t', 'f', w).build()],
  ['dropField', (w) => migration('m').dropField('t', w).build()],
  ['dropField(options)', (w) => migration('m').dropField('t', 'f', w).build()],
  ['renameField', (w) => migration('m').renameField('t', 'a', w).build()],
  ['modifyField', (w) => migration('m').modifyField('t', 'f', w).build()],
  ['modifyField(options)', (w) => migration('m').modifyField('t', 'f', { length: 2 }, w).build()],
  ['createIndex(fields)', (w) => migration('m').createIndex('t', 'i', w).build()],
  ['createIndex(field)', (w) => migration('m').createIndex('t', 'i', [w]).build()],
  ['createIndex(options)', (w) => migration('m').createIndex('t', 'i', ['a'], w).build()],
  ['dropIndex', (w) => migration('m').dropIndex('t', w, {}).build()],
  ['addConstraint', (w) => migration('m').addConstraint('t', w).build()],
  ['dropConstraint', (w) => migration('m').dropConstraint('t', 'c', w).build()],
  ['raw(dialect)', (w) => migration('m').raw(w, 'SELECT 1').build()],
  ['raw(statement)', (w) => migration('m').raw('postgresql', w).build()],
  ['raw(options)', (w) => migration('m').raw('postgresql', 'SELECT 1', w).build()],
  ['inverseOf', (w) => core.inverseOf(w)],
  ['applyChanges', (w) => core.applyChanges(w, {})],
  ['normalizeFields', (w) => core.normalizeFields(w)],
  ['normalizeField', (w) => core.normalizeField('f', w)],
  ['new MigrationEngine(adapter)', (w) => new MigrationEngine(w)],
  ['new MigrationEngine(options)', (w) => new MigrationEngine(new MemoryAdapter(), w)],
  ['new MemoryAdapter(options)', (w) => new MemoryAdapter(w)],
  ['failAtStep', (w) => new MemoryAdapter().failAtStep(w)],
];

const asyncCalls: [string, (w: never) => Promise<unknown>][] = [
  ['engine.up', (w) => new MigrationEngine(new MemoryAdapter()).up(w)],
  ['engine.up(options)', (w) => new MigrationEngine(new MemoryAdapter()).up(good(), w)],
  ['engine.upAll', (w) => new MigrationEngine(new MemoryAdapter()).upAll(w)],
  ['engine.upAll(options)', (w) => new MigrationEngine(new MemoryAdapter()).upAll([good()], w)],
  ['engine.down', (w) => new MigrationEngine(new MemoryAdapter()).down(w)],
  ['engine.rollbackTo', (w) => new MigrationEngine(new MemoryAdapter()).rollbackTo(w)],
  ['engine.compensate', (w) => new MigrationEngine(new MemoryAdapter()).compensate(w)],
  ['engine.getStatus', (w) => new MigrationEngine(new MemoryAdapter()).getStatus(w)],
  ['engine.getStatus(list)', (w) => new MigrationEngine(new MemoryAdapter()).getStatus({ definedMigrations: [w] })],
  ['engine.plan', async (w) => new MigrationEngine(new MemoryAdapter()).plan(w)],
  ['engine.plan(direction)', async (w) => new MigrationEngine(new MemoryAdapter()).plan(good(), w)],
];

function check(error: unknown): void {
  expect(error, String(error)).toBeInstanceOf(core.DuctapeError);
  expect((error as core.DuctapeError).code).toMatch(/^DUCTAPE_[A-Z_]+$/);
  expect((error as core.DuctapeError).hint.length).toBeGreaterThan(5);
}

describe('public functions given wrong arguments', () => {
  it.each(calls)('%s throws a typed error', (_name, call) => {
    let threw = 0;
    for (const w of weird) {
      try {
        call(w as never);
      } catch (error) {
        threw++;
        check(error);
      }
    }
    expect(threw).toBeGreaterThan(0);
  });

  it.each(asyncCalls)('%s rejects with a typed error', async (_name, call) => {
    let threw = 0;
    for (const w of weird) {
      try {
        await call(w as never);
      } catch (error) {
        threw++;
        check(error);
      }
    }
    expect(threw).toBeGreaterThan(0);
  });
});
