import { migration, type Migration } from '@ductape/core';

/** The spec's Cassandra example ("Database-Specific Migrations → Cassandra"), built with core's builder. */
export function specEventsMigration(): Migration {
  return migration('create_events')
    .createCollection(
      'events',
      {
        id: { type: 'uuid', primaryKey: true },
        user_id: 'uuid',
        event_type: 'string',
        data: 'json',
        created_at: 'timestamp',
      },
      {
        cassandraOptions: {
          partitionKey: ['user_id'],
          clusteringColumns: ['created_at', 'id'],
          clusteringOrder: [
            { column: 'created_at', order: 'DESC' },
            { column: 'id', order: 'ASC' },
          ],
          defaultTTL: 86400,
          compaction: {
            class: 'LeveledCompactionStrategy',
          },
        },
      },
    )
    .build();
}
