import { PGlite } from '@electric-sql/pglite';
import { PostgresAdapter } from '../../src/index.js';
import { describeDerivedRenames } from '../support/derived-rename-cases.js';

// roundTrip findings 3, 4 and 9 on PGlite (finding 4 was seen there first).
describeDerivedRenames('postgres (PGlite)', async () => {
  const instance = await PGlite.create();
  const adapter = new PostgresAdapter({ pglite: { instance } });
  await adapter.connect();
  return {
    adapter,
    run: async (text, params) => {
      if (params === undefined) return ((await instance.exec(text)).at(-1)?.rows ?? []) as Record<string, unknown>[];
      return (await instance.query<Record<string, unknown>>(text, params)).rows;
    },
    async close() {
      await adapter.close();
      await instance.close();
    },
  };
});
