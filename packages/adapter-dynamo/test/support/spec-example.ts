import { type Migration, migration } from '@ductape/core';

/**
 * The spec's DynamoDB section (`db.schema.create('users', …, { dynamoOptions })`) as the migration
 * the sdk builds for it, named `create_users`.
 * @example await new MigrationEngine(adapter).up(specUsersMigration());
 */
export function specUsersMigration(): Migration {
  return migration('create_users')
    .createCollection(
      'users',
      { id: { type: 'string', primaryKey: true }, email: 'string', created_at: 'timestamp' },
      {
        dynamoOptions: {
          partitionKey: { name: 'id', type: 'S' },
          sortKey: { name: 'created_at', type: 'N' },
          billingMode: 'PAY_PER_REQUEST',
          globalSecondaryIndexes: [{ name: 'email-index', partitionKey: { name: 'email', type: 'S' }, projection: 'ALL' }],
          localSecondaryIndexes: [{ name: 'created-index', sortKey: { name: 'created_at', type: 'N' }, projection: 'KEYS_ONLY' }],
          streamEnabled: true,
          streamViewType: 'NEW_AND_OLD_IMAGES',
          ttlAttribute: 'expires_at',
        },
      },
    )
    .build();
}
