import { UnsupportedOperationError, ValidationError, migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { compileOp, compileUp } from '../support/compile.js';

describe('field operations (golden)', () => {
  it('addField without a default has no DDL: it only checks the table exists, with the reason', () => {
    const reason = 'DynamoDB declares only key and index attributes; other attributes need no DDL';
    expect(compileOp({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } })).toEqual([
      {
        kind: 'command',
        name: 'DescribeTable',
        summary: `addField users.phone: no DDL on DynamoDB (${reason}); DescribeTable users checks that it exists`,
        args: { input: { TableName: 'users' }, reason },
        // It only reads: a runner killed before recording it may run it again.
        resumable: true,
      },
    ]);
  });

  it('addField with a literal default backfills the items that lack it, in resumable batches', () => {
    expect(compileOp({ type: 'addField', collection: 'users', field: { name: 'score', type: 'integer', default: 0 } })).toEqual([
      {
        kind: 'command',
        name: 'ScanAndUpdate',
        summary: 'backfill users.score with its default (reads every item of the table once (Scan), then one UpdateItem per item without score)',
        args: {
          TableName: 'users',
          filter: 'attribute_not_exists(#a)',
          update: 'SET #a = :v',
          condition: 'attribute_not_exists(#a)',
          names: { '#a': 'score' },
          values: { ':v': { N: '0' } },
          cost: 'reads every item of the table once (Scan), then one UpdateItem per item without score',
        },
      },
    ]);
    const [json] = compileOp({ type: 'addField', collection: 'users', field: { name: 'prefs', type: 'json', default: { theme: 'dark', tags: ['a'], on: true } } });
    expect(json?.kind === 'command' && json.args.values).toEqual({ ':v': { M: { theme: { S: 'dark' }, tags: { L: [{ S: 'a' }] }, on: { BOOL: true } } } });
    const [decimal] = compileOp({ type: 'addField', collection: 'users', field: { name: 'price', type: 'decimal', precision: 10, scale: 2, default: '9.99' } });
    expect(decimal?.kind === 'command' && decimal.args.values).toEqual({ ':v': { N: '9.99' } });
  });

  it('a function default (now, uuid) is not backfilled', () => {
    const [step] = compileOp({ type: 'addField', collection: 'users', field: { name: 'seen', type: 'datetime', default: { $fn: 'now' } } });
    expect(step).toMatchObject({ name: 'DescribeTable', args: { reason: expect.stringContaining('now() default is computed by the application') } });
  });

  it('modifyField has no DDL (table check only), or a backfill when it sets a default', () => {
    expect(compileOp({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500, required: true } })[0]).toMatchObject({ name: 'DescribeTable' });
    const m = migration('m').addField('users', 'status', { type: 'string' }).modifyField('users', 'status', { default: 'active' }).build();
    expect(compileUp(m)[1]).toMatchObject({ kind: 'command', name: 'ScanAndUpdate', args: { values: { ':v': { S: 'active' } } } });
  });

  it('renameField copies and removes the attribute, never overwriting, and declares its cost', () => {
    expect(compileOp({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' })).toEqual([
      {
        kind: 'command',
        name: 'ScanAndUpdate',
        summary: 'rename users.name to full_name in every item (reads every item of the table once (Scan), then one UpdateItem per item holding name)',
        args: {
          TableName: 'users',
          filter: 'attribute_exists(#from)',
          update: 'SET #to = #from REMOVE #from',
          condition: 'attribute_exists(#from) AND attribute_not_exists(#to)',
          names: { '#from': 'name', '#to': 'full_name' },
          conflict: 'items hold both name and full_name',
          cost: 'reads every item of the table once (Scan), then one UpdateItem per item holding name',
          rename: { collection: 'users', from: 'name', to: 'full_name' },
        },
      },
    ]);
  });

  it('dropField removes the attribute from every item in batches', () => {
    expect(compileOp({ type: 'dropField', collection: 'users', field: 'legacy' })[0]).toMatchObject({ name: 'ScanAndUpdate', args: { update: 'REMOVE #a', names: { '#a': 'legacy' } } });
  });

  it('refuses key and uniqueness changes', () => {
    expect(() => compileOp({ type: 'addField', collection: 'users', field: { name: 'k', type: 'string', primaryKey: true } })).toThrow(UnsupportedOperationError);
    expect(() => compileOp({ type: 'addField', collection: 'users', field: { name: 'e', type: 'string', unique: true } })).toThrow(/uniqueness/);
    expect(() => compileOp({ type: 'modifyField', collection: 'users', field: 'e', changes: { primaryKey: true } })).toThrow(/key of a DynamoDB table is fixed/);
  });

  it('raw commands run as given, with the wait their effect needs; raw text is PartiQL', () => {
    const m = migration('custom')
      .raw(
        'dynamodb',
        {
          command: 'CreateTable',
          input: { TableName: 'audit', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' },
        },
        { down: { command: { command: 'DeleteTable', input: { TableName: 'audit' } } } },
      )
      .raw('dynamodb', { command: 'UpdateTable', input: { TableName: 'audit', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'x' } }] } })
      .raw('dynamodb', "UPDATE audit SET seen = true WHERE id = 'a'")
      .build();
    const steps = compileUp(m);
    expect(steps.map((s) => s.summary)).toEqual([
      'CreateTable audit, wait until table audit is ACTIVE',
      'UpdateTable audit, wait until index x is DELETED',
      "ExecuteStatement UPDATE audit SET seen = true WHERE id = 'a'",
    ]);
    expect(steps[2]).toEqual({ kind: 'command', name: 'ExecuteStatement', summary: steps[2]?.summary, args: { input: { Statement: "UPDATE audit SET seen = true WHERE id = 'a'" } } });
    expect(() => compileOp({ type: 'raw', dialect: 'dynamodb', command: { command: 'DeleteBackup', input: {} } })).toThrow(ValidationError);
    expect(() => compileOp({ type: 'raw', dialect: 'dynamodb', command: { command: 'DeleteTable' } })).toThrow(/input/);
  });
});
