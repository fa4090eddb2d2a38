import { describe, expect, it } from 'vitest';
import { MigrationEngine, migration, type CompileContext, type HistoryEntry, type Operation, type ProgressEvent, type Session, type Step } from '../src/index.js';
import { MemoryAdapter, MemoryDatabase } from '../src/testing.js';
import { steps } from './helpers.js';

const AT = new Date('2024-01-15T14:30:52Z');
const tables = (a: MemoryAdapter) => [...a.database.state.collections.keys()].sort();
const names = (a: MemoryAdapter, from: number) => a.executed.slice(from).map((s) => s.summary);

/**
 * Acts like a runner SIGKILLed right after step `k` (0-based) took effect: every history write
 * from the progress record of that step on fails, so the row keeps saying `k` steps applied.
 */
function dieAfterStep(adapter: MemoryAdapter, k: number): void {
  const save = adapter.history.save.bind(adapter.history);
  let dead = false;
  adapter.history.save = async (entry: HistoryEntry) => {
    if (dead || entry.stepsApplied > k) {
      dead = true;
      throw new Error('runner killed');
    }
    return save(entry);
  };
}

/** Steps marked resumable, and made safe to repeat (a createCollection that exists is done). */
class ResumableAdapter extends MemoryAdapter {
  override compile(op: Operation, ctx: CompileContext): Step[] {
    return super.compile(op, ctx).map((s) => ({ ...s, resumable: true }));
  }
  override async execute(step: Step, session: Session): Promise<void> {
    const op = step.kind === 'command' ? (step.args.op as Operation) : undefined;
    if (op?.type === 'createCollection' && this.database.state.collections.has(op.name)) return;
    return super.execute(step, session);
  }
}

async function interrupted(m: ReturnType<typeof steps>, k: number, direction: 'up' | 'down' = 'up', Kind = MemoryAdapter) {
  const database = new MemoryDatabase();
  const first = new Kind({ database });
  if (direction === 'down') await new MigrationEngine(first).up(m);
  dieAfterStep(first, k);
  const run = direction === 'up' ? new MigrationEngine(first).up(m) : new MigrationEngine(first).down(m);
  await expect(run).rejects.toThrow();
  return { database, next: new Kind({ database }) };
}

describe('resuming after a runner died between a step and its record', () => {
  it('up: the unrecorded step is found in effect, recorded, and not run again', async () => {
    const m = steps('rc', 4);
    const { next } = await interrupted(m, 1);
    expect((await new MigrationEngine(next).getHistory())[0]).toMatchObject({ status: 'running', stepsApplied: 1 });
    expect(tables(next)).toEqual(['rc_t1', 'rc_t2']);
    const events: ProgressEvent[] = [];
    const r = await new MigrationEngine(next, { onProgress: (e) => events.push(e) }).up(m);
    expect(r.outcome).toBe('resumed');
    expect(names(next, 0)).toEqual(['createCollection rc_t3', 'createCollection rc_t4']);
    expect(events.find((e) => e.type === 'step:reconciled')).toMatchObject({ index: 1, summary: 'createCollection rc_t2' });
    expect((await new MigrationEngine(next).getHistory())[0]).toMatchObject({ status: 'applied', stepsApplied: 4 });
  });

  it('up: a step that did not take effect is run again', async () => {
    const m = steps('rn', 3);
    const database = new MemoryDatabase();
    const first = new MemoryAdapter({ database });
    first.failAtStep(2);
    await expect(new MigrationEngine(first).up(m)).rejects.toThrow();
    const next = new MemoryAdapter({ database });
    expect((await new MigrationEngine(next).up(m)).outcome).toBe('resumed');
    expect(names(next, 0)).toEqual(['createCollection rn_t2', 'createCollection rn_t3']);
  });

  it('up with recover compensate: the unrecorded step is undone too', async () => {
    const m = steps('cp', 4);
    const { next } = await interrupted(m, 2);
    await new MigrationEngine(next).up(m, { recover: 'compensate' });
    expect(names(next, 0)).toEqual([
      'dropCollection cp_t3',
      'dropCollection cp_t2',
      'dropCollection cp_t1',
      'createCollection cp_t1',
      'createCollection cp_t2',
      'createCollection cp_t3',
      'createCollection cp_t4',
    ]);
    expect(tables(next)).toEqual(['cp_t1', 'cp_t2', 'cp_t3', 'cp_t4']);
  });

  it('the last step in effect but unrecorded: the run is only marked applied', async () => {
    const m = steps('last', 2);
    const { next } = await interrupted(m, 1);
    expect((await new MigrationEngine(next).up(m)).outcome).toBe('resumed');
    expect(next.executed).toEqual([]);
    expect((await new MigrationEngine(next).getHistory())[0]).toMatchObject({ status: 'applied', stepsApplied: 2 });
  });

  it('down: an interrupted rollback resumes after the step it finished', async () => {
    const m = steps('dn', 3);
    const { next } = await interrupted(m, 0, 'down');
    expect(tables(next)).toEqual(['dn_t1', 'dn_t2']);
    await new MigrationEngine(next).down(m);
    expect(names(next, 0)).toEqual(['dropCollection dn_t2', 'dropCollection dn_t1']);
    expect(await new MigrationEngine(next).getHistory()).toEqual([]);
  });

  it('field, index and rename effects are checked by introspection', async () => {
    const setup = migration('setup').at(AT).createCollection('u', { id: 'uuid', a: 'string' }).build();
    const m = migration('alter')
      .at(new Date(AT.getTime() + 1000))
      .addField('u', 'b', { type: 'integer' })
      .createIndex('u', 'idx_u_b', ['b'])
      .renameField('u', 'a', 'c')
      .dropField('u', 'b')
      .build();
    for (let k = 0; k < 4; k++) {
      const database = new MemoryDatabase();
      await new MigrationEngine(new MemoryAdapter({ database })).up(setup);
      const first = new MemoryAdapter({ database });
      dieAfterStep(first, k);
      await expect(new MigrationEngine(first).up(m)).rejects.toThrow();
      const next = new MemoryAdapter({ database });
      await new MigrationEngine(next).up(m);
      // 5 steps: dropField of the indexed b is preceded by an explicit drop of idx_u_b.
      expect(next.executed).toHaveLength(4 - k);
      expect((await next.introspect('u'))?.fields.map((f) => f.name)).toEqual(['id', 'c']);
    }
  });

  it('a resumable step is run again on resume (it finishes itself), but counted by a compensation', async () => {
    const m = steps('rs', 3);
    const resumed = await interrupted(m, 1, 'up', ResumableAdapter);
    const events: ProgressEvent[] = [];
    expect((await new MigrationEngine(resumed.next, { onProgress: (e) => events.push(e) }).up(m)).outcome).toBe('resumed');
    expect(events.some((e) => e.type === 'step:reconciled')).toBe(false);
    expect(events.filter((e) => e.type === 'step:start').map((e) => (e as { index: number }).index)).toEqual([1, 2]);
    const compensated = await interrupted(m, 1, 'up', ResumableAdapter);
    await new MigrationEngine(compensated.next).compensate(m.name);
    expect(tables(compensated.next)).toEqual([]);
  });
});

describe('a runner killed inside a raw step outside a transaction (roundTrip finding 18)', () => {
  const m = () =>
    migration('raw_step')
      .createCollection('rs_t', { id: 'integer' })
      .raw('memory', { set: 'flag', value: 1 }, { down: { command: { delete: 'flag' } } })
      .build();

  /** The runner dies right after the raw step took effect, before its record. */
  async function killedInRaw() {
    const database = new MemoryDatabase();
    const first = new MemoryAdapter({ database });
    dieAfterStep(first, 1);
    await expect(new MigrationEngine(first).up(m())).rejects.toThrow();
    return database;
  }

  it('is not run again blind: up is refused, typed, with what to do', async () => {
    const database = await killedInRaw();
    const next = new MemoryAdapter({ database });
    const row = (await new MigrationEngine(next).getHistory())[0];
    expect(row).toMatchObject({ status: 'running', stepsApplied: 1 });
    expect(row?.error).toMatch(/^interrupted\? step 2 of 2 started/);
    const error = await new MigrationEngine(next).up(m()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DUCTAPE_FAILED_MIGRATION_PENDING' });
    expect(String((error as Error).message)).toContain('step 2 of 2');
    expect(String((error as { hint?: string }).hint)).toContain("recover: 'mark-ran'");
    expect(next.executed).toEqual([]);
  });

  it("'mark-ran' records it and finishes without running it; 'rerun' runs it again", async () => {
    const ran = new MemoryAdapter({ database: await killedInRaw() });
    expect((await new MigrationEngine(ran).up(m(), { recover: 'mark-ran' })).outcome).toBe('resumed');
    expect(ran.executed).toEqual([]);
    expect((await new MigrationEngine(ran).getHistory())[0]).toMatchObject({ status: 'applied', stepsApplied: 2, error: null });
    const again = new MemoryAdapter({ database: await killedInRaw() });
    await new MigrationEngine(again).up(m(), { recover: 'rerun' });
    expect(names(again, 0)).toEqual(['raw memory']);
  });

  it('a step that never started is run as before, and an unknown recover is a typed error', async () => {
    const database = new MemoryDatabase();
    const first = new MemoryAdapter({ database });
    dieAfterStep(first, 0); // dies recording step 1: the raw step's start is never written
    await expect(new MigrationEngine(first).up(m())).rejects.toThrow();
    const next = new MemoryAdapter({ database });
    await expect(new MigrationEngine(next).up(m(), { recover: 'mark_ran' as never })).rejects.toMatchObject({ code: 'DUCTAPE_INVALID_ARGUMENT' });
    await new MigrationEngine(next).up(m());
    expect(names(next, 0).at(-1)).toBe('raw memory');
  });
});

describe('a runner killed in the first step, after it took effect, of a migration resolved from the live schema (MariaDB full run)', () => {
  it('resumes from the recorded resolution, so the down still restores what the field was', async () => {
    const database = new MemoryDatabase();
    const first = new MemoryAdapter({ database });
    await new MigrationEngine(first).up(
      migration('m0')
        .createCollection('people', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'name', type: 'decimal', precision: 12, scale: 3, default: 0, required: true },
        ])
        .build(),
    );
    const m1 = () => migration('m1').modifyField('people', 'name', { required: false }).build();
    dieAfterStep(first, 0); // the ALTER takes effect; recording it fails, as after a SIGKILL
    await expect(new MigrationEngine(first).up(m1())).rejects.toThrow();
    const next = new MemoryAdapter({ database });
    const engine = new MigrationEngine(next);
    await engine.up(m1());
    const row = (await engine.getHistory()).find((h) => h.name === 'm1');
    expect(row?.migration.down[0]).toMatchObject({ type: 'modifyField', changes: { required: true } });
    await engine.down(m1());
    expect(next.database.state.collections.get('people')?.fields[1]).toMatchObject({ name: 'name', required: true });
  });
});
