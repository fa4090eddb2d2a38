// The test-facing names, the variable each one reads, and the server that provides it.

/** @typedef {{ envVar: string, service: string, describe: string }} ServerInfo */

/** @type {Record<string, ServerInfo>} */
export const servers = {
  postgres: { envVar: 'DUCTAPE_TEST_POSTGRES_URL', service: 'postgres', describe: 'PostgreSQL' },
  mysql: { envVar: 'DUCTAPE_TEST_MYSQL_URL', service: 'mariadb', describe: 'MySQL protocol (MariaDB server)' },
  mariadb: { envVar: 'DUCTAPE_TEST_MARIADB_URL', service: 'mariadb', describe: 'MariaDB' },
  mongo: { envVar: 'DUCTAPE_TEST_MONGO_URL', service: 'mongo', describe: 'MongoDB wire protocol (FerretDB)' },
  dynamo: { envVar: 'DUCTAPE_TEST_DYNAMO_ENDPOINT', service: 'dynamo', describe: 'DynamoDB Local' },
  cassandra: { envVar: 'DUCTAPE_TEST_CASSANDRA_HOSTS', service: 'cassandra', describe: 'Apache Cassandra' },
  'cassandra-cluster': { envVar: 'DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS', service: 'cassandra-cluster', describe: 'Cassandra ring (3 nodes, comma-separated host:port)' },
  galera: { envVar: 'DUCTAPE_TEST_GALERA_URLS', service: 'galera', describe: 'MariaDB Galera cluster (3 nodes, comma-separated URLs)' },
};
