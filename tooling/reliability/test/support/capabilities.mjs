/**
 * Capabilities and places of the round-trip targets as the unit tests assume them (no adapter,
 * no server): what profileOf draws ops from.
 * @example profileOf('postgres', CAPS.postgres)
 */
const SQL = {
  transactionalDdl: true,
  renameField: true,
  renameCollection: true,
  modifyField: true,
  dropField: true,
  foreignKeys: true,
  checkConstraints: true,
  uniqueConstraints: true,
  partialIndexes: true,
  concurrentIndex: false,
};
const NOSQL = { ...SQL, transactionalDdl: false, renameCollection: false, foreignKeys: false, checkConstraints: false, uniqueConstraints: false, partialIndexes: false };

export const CAPS = {
  postgres: { ...SQL, rawDialects: ['postgresql'] },
  mariadb: { ...SQL, transactionalDdl: false, partialIndexes: false, rawDialects: ['mariadb', 'mysql'] },
  mongo: { ...NOSQL, renameCollection: true, uniqueConstraints: true, rawDialects: ['mongodb'] },
  dynamo: { ...NOSQL, rawDialects: ['dynamodb'] },
  cassandra: { ...NOSQL, rawDialects: ['cassandra'] },
};

export const PLACE = {
  postgres: { key: 'postgres', connection: 'postgresql://127.0.0.1:5432/x', options: {} },
  mariadb: { key: 'mariadb', connection: 'mariadb://127.0.0.1:3306/x', options: {} },
  mongo: { key: 'mongo', connection: 'mongodb://127.0.0.1:27017/ductape_rel_mongo_x1', options: {} },
  dynamo: { key: 'dynamo', connection: 'dynamodb://127.0.0.1:8000?region=us-east-1', options: { tablePrefix: 'rel_x1_' } },
  cassandra: { key: 'cassandra', connection: 'cassandra://127.0.0.1:9042/ductape_rel_x1?dc=datacenter1', options: {} },
};
