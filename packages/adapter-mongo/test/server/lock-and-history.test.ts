import { randomUUID } from 'node:crypto';
import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_COLLECTION, MongoAdapter, MongoConnectionError, createAdapter } from '../../src/index.js';
import { CapturedLog, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

describe.skipIf(!mongoUrl)('lock, history and factory (FerretDB)', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_lock');
  const open: MongoAdapter[] = [];
  const connected = async () => {
    const a = new MongoAdapter({ url, database, onMissingFeature: 'warn', logger: new CapturedLog() });
    await a.connect();
    open.push(a);
    return a;
  };
  const owner = (description: string) => ({ id: randomUUID(), description });
  afterAll(async () => {
    for (const a of open) await a.close().catch(() => undefined);
    await dropDatabases(url, [database]);
  });

  it('two runners racing on the same migrations: each applied exactly once, no error', async () => {
    const [a, b] = [await connected(), await connected()];
    const ms = Array.from({ length: 3 }, (_, i) => migration(`race_${i}`).createCollection(`race_${i}`, { n: 'integer' }).build());
    const results = await Promise.all([new MigrationEngine(a, { leaseMs: 2000 }).upAll(ms), new MigrationEngine(b, { leaseMs: 2000 }).upAll(ms)]);
    const outcomes = results
      .flat()
      .map((r) => `${r.name}:${r.outcome}`)
      .sort();
    expect(outcomes).toEqual(['race_0:applied', 'race_0:skipped', 'race_1:applied', 'race_1:skipped', 'race_2:applied', 'race_2:skipped']);
    expect((await a.history.list()).map((e) => e.name)).toEqual(['race_0', 'race_1', 'race_2']);
  });

  it('concurrent tryAcquire: exactly one wins; the holder is named', async () => {
    const adapters = await Promise.all([connected(), connected(), connected()]);
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(adapters.map((a, i) => a.lock.tryAcquire(owner(`runner ${i}`), 5000)));
      const won = results.filter((r) => r.acquired);
      expect(won.length).toBeLessThanOrEqual(1);
      for (const w of won) if (w.acquired) await adapters[0]!.lock.release(w.handle);
    }
    const results = await Promise.all(adapters.map((a, i) => a.lock.tryAcquire(owner(`runner ${i}`), 5000)));
    const won = results.filter((r) => r.acquired);
    expect(won.length).toBeLessThanOrEqual(1);
    const lost = results.find((r) => !r.acquired);
    expect(lost).toMatchObject({ acquired: false, heldBy: expect.stringMatching(/^runner \d \(lease until .*token \d+\)$/) });
    const winner = won[0];
    if (winner?.acquired) await adapters[0]!.lock.release(winner.handle);
  });

  it('a runner killed holding the lock: its lease expires, the next takes over with a larger fencing token, the dead one cannot renew', async () => {
    const a = await connected();
    const dead = await a.lock.tryAcquire(owner('killed runner'), 400);
    if (!dead.acquired) throw new Error('not acquired');
    await a.close(); // killed: nothing released
    const b = await connected();
    expect((await b.lock.tryAcquire(owner('next'), 400)).acquired).toBe(false);
    const engine = new MigrationEngine(b, { lockTimeoutMs: 5000, leaseMs: 1500 });
    const started = Date.now();
    await engine.up(migration('after_crash').createCollection('after_crash', { n: 'integer' }).build());
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    const latest = await b.driver.db.collection<{ _id: number }>(LOCK_COLLECTION).find({}).sort({ _id: -1 }).limit(1).next();
    expect(latest?._id).toBeGreaterThan(dead.handle.token);
    expect(await b.lock.renew(dead.handle, 1000)).toBe(false);
  });

  it('history keeps the order first recorded (seq), survives rewrites, and stores the migration exactly', async () => {
    const a = await connected();
    const m = migration('with_dollars')
      .raw('mongodb', { collMod: 'race_0', validator: { $jsonSchema: { bsonType: 'object' } } }, { down: { command: { ping: 1 } } })
      .build();
    const e = {
      name: m.name,
      tag: m.tag,
      checksum: 'x',
      status: 'running' as const,
      direction: 'up' as const,
      appliedAt: null,
      startedAt: new Date(),
      executionMs: 0,
      stepsApplied: 0,
      stepsTotal: 1,
      error: null,
      appliedBy: 'me',
      migration: m,
    };
    await a.history.save(e);
    await a.history.save({ ...e, status: 'applied', appliedAt: new Date(), stepsApplied: 1 });
    const list = await a.history.list();
    expect(list.map((x) => x.name)).toEqual(['race_0', 'race_1', 'race_2', 'after_crash', 'with_dollars']);
    expect(list.map((x) => x.name).slice(0, 3)).toEqual(['race_0', 'race_1', 'race_2']);
    expect(list.at(-1)).toMatchObject({ status: 'applied', stepsApplied: 1, migration: m });
    await a.history.remove(m.name);
    expect((await a.history.list()).map((x) => x.name)).not.toContain('with_dollars');
  });

  it('createAdapter takes a URL or settings; a bad server gives a typed error without the password', async () => {
    const a = await createAdapter({ connection: url, product: 'p', database: database, env: 'test', options: { onMissingFeature: 'warn' } });
    expect(a).toBeInstanceOf(MongoAdapter);
    expect((a as MongoAdapter).driver.databaseName).toBe(new URL(url).pathname.slice(1));
    const b = (await createAdapter({ connection: { url: 'mongodb://127.0.0.1:27017', database: 'x_db' }, product: 'p', database: 'ignored', env: 'test' })) as MongoAdapter;
    expect(b.driver.databaseName).toBe('x_db');
    const bad = new MongoAdapter({ url: 'mongodb://app:s3cret-pw@127.0.0.1:1/app', clientOptions: { serverSelectionTimeoutMS: 300 } });
    const error = await bad.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoConnectionError);
    expect(error).toMatchObject({ code: 'DUCTAPE_CONNECTION' });
    expect(String((error as Error).message)).not.toContain('s3cret-pw');
    await bad.close();
  });
});
