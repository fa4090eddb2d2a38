// Apache Cassandra 5.0 from Maven Central (cassandra-all and its dependencies, fetched
// with Maven into the cache), run as a bare CassandraDaemon on Java 17.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cassandraJvmArgs, cassandraYaml, logbackXml } from './cassandra-config.mjs';
import { cqlOptionsFrame, isCqlSupported, tcpProbe } from './health.mjs';
import { findJava } from './java-runtime.mjs';
import { cacheDir } from './paths.mjs';
import { startDetached } from './processes.mjs';
import { captureCommand, runCommand } from './run-command.mjs';

const version = process.env.DUCTAPE_CASSANDRA_VERSION ?? '5.0.9';

function installDir() {
  return join(cacheDir(), 'cassandra', version);
}

/** Where the cached install's jars are (shared by the single node and the ring). */
export function libDir() {
  return join(installDir(), 'lib');
}

/** @param {string} v */
function pom(v) {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.ductape.services</groupId>
  <artifactId>cassandra-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.cassandra</groupId>
      <artifactId>cassandra-all</artifactId>
      <version>${v}</version>
    </dependency>
  </dependencies>
</project>
`;
}

export function jammJar() {
  const jar = readdirSync(libDir()).find((f) => /^jamm-.*\.jar$/.test(f));
  if (!jar) throw new Error(`no jamm-*.jar among Cassandra's dependencies in ${libDir()}`);
  return join(libDir(), jar);
}

/** @type {import('./service.mjs').NativeService} */
export const cassandra = {
  name: 'cassandra',
  defaultPort: 9042,
  timeoutMs: 240_000,
  async install({ logFile }) {
    if (existsSync(join(libDir(), `cassandra-all-${version}.jar`))) return;
    await captureCommand('mvn', ['-v']).catch(() => {
      throw new Error('Maven (`mvn`) is needed to fetch Cassandra from Maven Central and was not found on PATH');
    });
    mkdirSync(installDir(), { recursive: true });
    writeFileSync(join(installDir(), 'pom.xml'), pom(version));
    const tmp = `${libDir()}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    await runCommand('mvn', ['-B', '-q', `-Dmaven.repo.local=${join(installDir(), 'm2')}`, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime'], {
      logFile,
      cwd: installDir(),
    });
    rmSync(libDir(), { recursive: true, force: true });
    renameSync(tmp, libDir());
    // Only lib/ is needed from now on; the Maven repository would double the cache.
    rmSync(join(installDir(), 'm2'), { recursive: true, force: true });
  },
  async start({ port, dataDir, logFile }) {
    const { java } = findJava([17, 11], process.env.DUCTAPE_CASSANDRA_JAVA);
    const configFile = join(dataDir, 'cassandra.yaml');
    const logbackFile = join(dataDir, 'logback.xml');
    const storagePort = Number(process.env.DUCTAPE_SERVICES_CASSANDRA_STORAGE_PORT ?? 7000);
    writeFileSync(configFile, cassandraYaml({ dataDir, port, storagePort }));
    writeFileSync(logbackFile, logbackXml);
    const args = cassandraJvmArgs({
      libDir: libDir(),
      jammJar: jammJar(),
      dataDir,
      configFile,
      logbackFile,
      heap: process.env.DUCTAPE_CASSANDRA_HEAP ?? '1G',
      // A small initial heap keeps the resident size low; it grows to `heap` under load.
      initialHeap: process.env.DUCTAPE_CASSANDRA_INITIAL_HEAP ?? '256M',
    });
    return { stopSignal: 'SIGTERM', ...startDetached({ command: java, args, logFile, cwd: dataDir }) };
  },
  probe(port) {
    return tcpProbe(port, { send: cqlOptionsFrame, accept: isCqlSupported });
  },
  env(port) {
    return { DUCTAPE_TEST_CASSANDRA_HOSTS: `127.0.0.1:${port}`, DUCTAPE_TEST_CASSANDRA_DATACENTER: 'datacenter1' };
  },
};
