import { runAdapterConformance } from '@ductape/adapter-testkit';
import type { FieldDefinition } from '@ductape/core';
import { CassandraAdapter } from '../../src/index.js';
import { dropKeyspace, hosts, serverOptions, testKeyspace } from '../support/cassandra.js';

/** Field definitions core accepts that Cassandra cannot honour: refused before IO. */
const BAD_FIELDS: FieldDefinition[] = [
  { name: 'ai', type: 'integer', autoIncrement: true },
  { name: 'u', type: 'string', unique: true },
];

if (hosts) {
  runAdapterConformance('cassandra 5', async () => {
    const keyspace = testKeyspace('conf');
    const q = (t: string) => `"${keyspace}"."${t}"`;
    return {
      newAdapter: () => new CassandraAdapter(serverOptions(keyspace)),
      lockRelease: 'lease',
      badFields: BAD_FIELDS,
      // What Cassandra cannot do, refused before IO (see README): type changes, renames of regular
      // columns (or of a column the op does not describe), unique, multi-column or ordered SAI
      // indexes, and table/index names outside [A-Za-z0-9_].
      declaredRefusals: ['addField (unique uuid)', 'renameField', 'modifyField (type)', 'createIndex (composite, desc)', 'createIndex (unique)', 'unique fields', 'odd table and index names'],
      raw: {
        dialect: 'cassandra',
        up: (t) => `ALTER TABLE ${q(t)} ADD raw_col int`,
        down: (t) => `ALTER TABLE ${q(t)} DROP raw_col`,
        failing: 'SELECT no_such_column FROM no_such_table',
      },
      teardown: async () => {
        const admin = new CassandraAdapter(serverOptions(keyspace));
        await admin.connect();
        await dropKeyspace(admin).catch(() => undefined);
        await admin.close();
      },
    };
  });
}
