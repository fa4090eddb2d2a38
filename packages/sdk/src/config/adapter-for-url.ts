const BY_SCHEME: Record<string, string> = {
  postgres: '@ductape/adapter-postgres',
  postgresql: '@ductape/adapter-postgres',
  pglite: '@ductape/adapter-postgres',
  mysql: '@ductape/adapter-mysql',
  mariadb: '@ductape/adapter-mariadb',
  mongodb: '@ductape/adapter-mongo',
  'mongodb+srv': '@ductape/adapter-mongo',
  dynamodb: '@ductape/adapter-dynamo',
  cassandra: '@ductape/adapter-cassandra',
  memory: '@ductape/core/testing',
};

/**
 * The adapter package a connection URL's scheme implies, or undefined.
 * @example adapterForUrl('postgres://localhost/app') // '@ductape/adapter-postgres'
 */
export function adapterForUrl(connection: unknown): string | undefined {
  if (typeof connection !== 'string') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(connection)?.[1]?.toLowerCase();
  return scheme ? BY_SCHEME[scheme] : undefined;
}
