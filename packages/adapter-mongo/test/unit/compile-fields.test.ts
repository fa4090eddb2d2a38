import { migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { MissingFeatureError } from '../../src/index.js';
import { FERRETDB_FEATURES, compile, ctx, settings } from '../support/compile-helpers.js';

describe('field operations (golden)', () => {
  it('addField → collMod patch; a default is backfilled first; a unique field gets its index', () => {
    expect(compile({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } })).toEqual([
      {
        kind: 'command',
        name: 'ductape.patchValidator',
        args: { collection: 'users', patch: { kind: 'addField', field: { name: 'phone', type: 'string', length: 20 } } },
        summary: 'collMod users validator: + phone',
      },
    ]);
    const steps = compile({ type: 'addField', collection: 'users', field: { name: 'active', type: 'boolean', required: true, default: true, unique: true } });
    expect(steps.map((s) => s.kind === 'command' && [s.name, s.args])).toEqual([
      ['update', { update: 'users', updates: [{ q: { active: { $exists: false } }, u: { $set: { active: true } }, multi: true }] }],
      ['ductape.patchValidator', { collection: 'users', patch: { kind: 'addField', field: { name: 'active', type: 'boolean', required: true, default: true, unique: true } } }],
      ['createIndexes', { createIndexes: 'users', indexes: [{ key: { active: 1 }, name: 'users_active_key', unique: true }] }],
    ]);
    const now = compile({ type: 'addField', collection: 'users', field: { name: 'seen', type: 'datetime', default: { $fn: 'now' } } });
    expect(now[0]).toMatchObject({ args: { updates: [{ u: { $currentDate: { seen: true } } }] } });
    expect(compile({ type: 'addField', collection: 'users', field: { name: 'ref', type: 'uuid', default: { $fn: 'uuid' } } })).toHaveLength(1);
    expect(compile({ type: 'addField', collection: 'users', field: { name: 'n', type: 'integer', default: 0 } }, settings({ backfillDefaults: false }))).toHaveLength(1);
  });

  it('dropField → tolerant drop of its unique index, batched $unset, collMod; its down restores the definition and says values are not restored', () => {
    const m = migration('drop_age')
      .dropField('users', 'age', { previous: { name: 'age', type: 'integer', unique: true } })
      .build();
    expect(compile(m.up[0]!)).toEqual([
      { kind: 'command', name: 'dropIndexes', args: { dropIndexes: 'users', index: 'users_age_key' }, summary: 'dropIndexes users: users_age_key (if it exists)', ignoreErrorCodes: [27] },
      {
        kind: 'command',
        name: 'ductape.updateInBatches',
        args: { collection: 'users', filter: { age: { $exists: true } }, update: { $unset: { age: '' } }, batchSize: 1000 },
        summary: 'update users: $unset age (batches of 1000)',
      },
      { kind: 'command', name: 'ductape.patchValidator', args: { collection: 'users', patch: { kind: 'dropField', field: 'age' } }, summary: 'collMod users validator: - age' },
    ]);
    const down = compile(m.down[0]!, settings(), ctx({ migration: m, direction: 'down' }));
    expect(down[0]).toEqual({
      kind: 'noop',
      reason: 'the values of "users.age" removed by dropField are not restored unless a backup was taken (backupDroppedFields, in _ductape_backup.users.age); its definition (validator) is',
      summary: 'values of users.age not restored (unless backed up)',
    });
    expect(down.slice(1).map((s) => s.kind === 'command' && s.name)).toEqual(['ductape.restoreField', 'ductape.patchValidator', 'createIndexes']);
    expect(down[1]).toMatchObject({ args: { collection: 'users', field: 'age', backup: '_ductape_backup.users.age', batchSize: 1000 } });
    const backedUp = compile(m.up[0]!, settings(), ctx({ options: { backupDroppedFields: true } }));
    expect(backedUp.map((s) => s.kind === 'command' && s.name)).toEqual(['dropIndexes', 'ductape.backupField', 'ductape.updateInBatches', 'ductape.patchValidator']);
    expect(backedUp[1]).toMatchObject({ args: { collection: 'users', field: 'age', backup: '_ductape_backup.users.age' }, summary: 'copy users.age values to _ductape_backup.users.age' });
    const plain = migration('drop_x')
      .dropField('users', 'x', { previous: { name: 'x', type: 'string' } })
      .build();
    expect(compile(plain.up[0]!).map((s) => s.kind === 'command' && s.name)).toEqual(['ductape.updateInBatches', 'ductape.patchValidator']);
  });

  it('renameField → batched $rename (moving indexes) + the constraints recorded in _ductape_schema follow + collMod; batch size from the run options', () => {
    expect(compile({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, settings(), ctx({ options: { batchSize: 500 } }))).toEqual([
      {
        kind: 'command',
        name: 'ductape.renameField',
        args: { collection: 'users', from: 'name', to: 'full_name', batchSize: 500 },
        summary: 'update users: $rename name → full_name (batches of 500, indexes moved)',
      },
      {
        kind: 'command',
        name: 'ductape.renameConstraintColumns',
        args: { collection: 'users', from: 'name', to: 'full_name' },
        summary: '_ductape_schema: constraints of users on name now on full_name',
      },
      {
        kind: 'command',
        name: 'ductape.patchValidator',
        args: { collection: 'users', patch: { kind: 'renameField', from: 'name', to: 'full_name' } },
        summary: 'collMod users validator: name → full_name',
      },
    ]);
  });

  it('modifyField → collMod patch; unique on/off creates or drops the field index', () => {
    expect(compile({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500, required: true } })).toEqual([
      {
        kind: 'command',
        name: 'ductape.patchValidator',
        args: { collection: 'users', patch: { kind: 'modifyField', field: 'email', changes: { length: 500, required: true } } },
        summary: 'collMod users validator: ~ email',
      },
    ]);
    const on = compile({ type: 'modifyField', collection: 'users', field: 'email', changes: { unique: true }, previous: { name: 'email', type: 'string' } });
    expect(on[1]).toMatchObject({ name: 'createIndexes', args: { indexes: [{ key: { email: 1 }, name: 'users_email_key', unique: true, partialFilterExpression: { email: { $type: 'string' } } }] } });
    const off = compile({ type: 'modifyField', collection: 'users', field: 'email', changes: { unique: null } });
    expect(off[1]).toMatchObject({ name: 'dropIndexes', args: { dropIndexes: 'users', index: 'users_email_key' }, ignoreErrorCodes: [27] });
    expect(() => compile({ type: 'modifyField', collection: 'users', field: 'email', changes: { unique: true } })).toThrow(/needs its type/);
  });

  it('without collMod: field ops are refused before IO, or applied to the validator recorded in _ductape_schema with a warning under "warn"', () => {
    const ferret = settings({ features: FERRETDB_FEATURES });
    for (const op of [
      { type: 'addField', collection: 'u', field: { name: 'p', type: 'string' } },
      { type: 'dropField', collection: 'u', field: 'p' },
      { type: 'renameField', collection: 'u', from: 'a', to: 'b' },
      { type: 'modifyField', collection: 'u', field: 'p', changes: { length: 5 } },
    ] as const) {
      expect(() => compile(op, ferret)).toThrow(MissingFeatureError);
    }
    const steps = compile({ type: 'renameField', collection: 'u', from: 'a', to: 'b' }, settings({ features: FERRETDB_FEATURES, onMissingFeature: 'warn' }));
    expect(steps[0]).toMatchObject({ name: 'ductape.renameField' });
    expect(steps[1]).toMatchObject({ name: 'ductape.renameConstraintColumns', args: { collection: 'u', from: 'a', to: 'b' } });
    expect(steps[2]).toEqual({
      kind: 'command',
      name: 'ductape.patchValidator',
      args: { collection: 'u', patch: { kind: 'renameField', from: 'a', to: 'b' }, shadow: true },
      summary: 'collMod u validator: a → b (recorded in _ductape_schema, not enforced)',
      warning: 'u: the server lacks collMod/$jsonSchema validators, so the validator change (a → b) is recorded in _ductape_schema only and not enforced',
    });
  });
});
