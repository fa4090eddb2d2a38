import pg from 'pg';
import { PostgresAdapter } from '../../src/index.js';
import { describeDerivedRenames } from '../support/derived-rename-cases.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

// roundTrip findings 3, 4 and 9 on the PostgreSQL server.
if (server)
  describeDerivedRenames('postgres (pg server)', async () => {
    const db = await createTempDatabase(server, 'derived');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
    return {
      adapter,
      run: async (text, params) => (await client.query(text, params)).rows as Record<string, unknown>[],
      async close() {
        await adapter.close();
        await client.end();
        await db.drop();
      },
    };
  });
