/**
 * Loads an adapter package by name and creates a connected adapter with its `createAdapter`
 * (core's AdapterFactory), exactly as the sdk does.
 * @example const adapter = await openAdapter({ pkg: '@ductape/adapter-postgres', connection: 'pglite://memory', options: {} });
 * @param {{ pkg: string, connection: unknown, options?: Record<string, unknown>, env?: string }} spec
 */
export async function openAdapter(spec) {
  const mod = await import(spec.pkg);
  const adapter = await mod.createAdapter({ connection: spec.connection, product: 'reliability', database: 'main', env: spec.env ?? 'dev', options: spec.options ?? {} });
  await adapter.connect();
  return adapter;
}
