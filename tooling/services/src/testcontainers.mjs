// DUCTAPE_SERVICES=testcontainers: where a Docker engine exists, `services:up` starts the
// official images instead of local installs; that is how real MySQL 8 and MongoDB 7 are
// reached. HONEST NOTE: the machines this project is developed on have no Docker engine,
// so this path has been type-checked but never run here. testcontainers is an optional
// dependency, imported only on this path.
import { execFileSync } from 'node:child_process';
import { logFile } from './paths.mjs';
import { resolveNames } from './registry.mjs';
import { writeServicesEnv } from './services-env.mjs';
import { readState, writeState } from './state.mjs';

/**
 * @typedef {object} ImageSpec
 * @property {string} image
 * @property {number} port port inside the container
 * @property {Record<string, string>} [environment]
 * @property {string[]} [command]
 * @property {RegExp} log the line that says the server accepts clients
 * @property {(host: string, port: number) => Record<string, string>} env
 */

/** @type {Record<string, ImageSpec>} */
const images = {
  postgres: {
    image: 'postgres:15',
    port: 5432,
    environment: { POSTGRES_HOST_AUTH_METHOD: 'trust' },
    log: /database system is ready to accept connections/, // printed by the final server
    env: (h, p) => ({ DUCTAPE_TEST_POSTGRES_URL: `postgres://postgres@${h}:${p}/postgres` }),
  },
  mysql: {
    image: 'mysql:8',
    port: 3306,
    environment: { MYSQL_ALLOW_EMPTY_PASSWORD: 'yes', MYSQL_DATABASE: 'ductape' },
    log: /port: 3306/, // the entrypoint's temporary server listens on port 0
    env: (h, p) => ({ DUCTAPE_TEST_MYSQL_URL: `mysql://root@${h}:${p}/ductape` }),
  },
  mariadb: {
    image: 'mariadb:10.11',
    port: 3306,
    environment: { MARIADB_ALLOW_EMPTY_ROOT_PASSWORD: '1', MARIADB_DATABASE: 'ductape' },
    log: /port: 3306/,
    env: (h, p) => ({ DUCTAPE_TEST_MARIADB_URL: `mariadb://root@${h}:${p}/ductape` }),
  },
  mongo: {
    image: 'mongo:7',
    port: 27017,
    log: /Waiting for connections/,
    env: (h, p) => ({ DUCTAPE_TEST_MONGO_URL: `mongodb://${h}:${p}/ductape` }),
  },
  dynamo: {
    image: 'amazon/dynamodb-local:3.3.0',
    port: 8000,
    command: ['-jar', 'DynamoDBLocal.jar', '-inMemory', '-sharedDb'],
    log: /Initializing DynamoDB Local/,
    env: (h, p) => ({ DUCTAPE_TEST_DYNAMO_ENDPOINT: `http://${h}:${p}` }),
  },
  cassandra: {
    image: 'cassandra:5.0',
    port: 9042,
    environment: { MAX_HEAP_SIZE: '1G', HEAP_NEWSIZE: '256M' },
    log: /Startup complete/,
    env: (h, p) => ({ DUCTAPE_TEST_CASSANDRA_HOSTS: `${h}:${p}`, DUCTAPE_TEST_CASSANDRA_DATACENTER: 'datacenter1' }),
  },
};

/**
 * @param {string[]} args
 * @returns {Promise<number>} exit code
 */
export async function upWithTestcontainers(args) {
  // Containers must outlive this command (the tests run after it); `down` removes them.
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  /** @type {typeof import('testcontainers')} */
  let tc;
  try {
    tc = await import('testcontainers');
  } catch {
    console.error('DUCTAPE_SERVICES=testcontainers needs the optional dependency `testcontainers` (pnpm install).');
    return 1;
  }
  const names = resolveNames(args, Object.keys(images));
  const results = await Promise.allSettled(
    names.map(async (name) => {
      const spec = /** @type {ImageSpec} */ (images[name]);
      const previous = readState(name);
      if (previous?.containerId) execFileSync('docker', ['rm', '-f', '-v', previous.containerId], { stdio: 'ignore' });
      let container = new tc.GenericContainer(spec.image)
        .withExposedPorts(spec.port)
        .withEnvironment(spec.environment ?? {})
        .withWaitStrategy(tc.Wait.forLogMessage(spec.log))
        .withStartupTimeout(name === 'cassandra' ? 240_000 : 120_000);
      if (spec.command) container = container.withCommand(spec.command);
      const started = await container.start();
      const host = started.getHost();
      const port = started.getMappedPort(spec.port);
      writeState({
        name,
        mode: 'testcontainers',
        containerId: started.getId(),
        logFile: logFile(name),
        port,
        env: spec.env(host, port),
        startedAt: new Date().toISOString(),
      });
      console.log(`  ✓ ${name} (${spec.image}) on ${host}:${port}`);
    }),
  );
  const failures = results.filter((r) => r.status === 'rejected');
  for (const [i, r] of results.entries()) {
    if (r.status === 'rejected') console.error(`  ✗ ${names[i]} (${images[names[i] ?? '']?.image}) failed to start: ${r.reason?.message ?? r.reason}`);
  }
  const { file } = writeServicesEnv();
  console.log(`wrote ${file}`);
  return failures.length > 0 ? 1 : 0;
}
