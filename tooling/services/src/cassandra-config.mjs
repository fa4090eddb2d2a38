// What a Cassandra JVM needs that the tarball's bin/cassandra would normally provide: a
// single-node cassandra.yaml, a quiet logback.xml and the JVM flags.

/**
 * The single node by default; a ring node gives its own address, the ring's name, seeds, token
 * count and auto_bootstrap.
 * @example cassandraYaml({ dataDir: '/tmp/n1', port: 9042, storagePort: 7000 })
 * @param {{ dataDir: string, port: number, storagePort: number, address?: string, clusterName?: string,
 *   seeds?: string, numTokens?: number, autoBootstrap?: boolean, comment?: string }} options
 */
export function cassandraYaml({ dataDir, port, storagePort, address = '127.0.0.1', clusterName = 'ductape', seeds, numTokens = 1, autoBootstrap, comment = 'one throwaway node on 127.0.0.1' }) {
  return `# Written by @ductape/services: ${comment}.
cluster_name: ${clusterName}
num_tokens: ${numTokens}
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
listen_address: ${address}
rpc_address: ${address}
storage_port: ${storagePort}
native_transport_port: ${port}
start_native_transport: true
${autoBootstrap === undefined ? '' : `auto_bootstrap: ${autoBootstrap}\n`}seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "${seeds ?? `${address}:${storagePort}`}"
data_file_directories:
  - ${dataDir}/data
commitlog_directory: ${dataDir}/commitlog
saved_caches_directory: ${dataDir}/saved_caches
hints_directory: ${dataDir}/hints
cdc_raw_directory: ${dataDir}/cdc_raw
commitlog_sync: periodic
commitlog_sync_period: 10000ms
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
# Tests drop tables all the time; a snapshot per drop only costs time and disk.
auto_snapshot: false
# Cassandra 5 features the adapter may exercise.
materialized_views_enabled: true
sasi_indexes_enabled: true
`;
}

export const logbackXml = `<configuration>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="STDOUT"/></root>
</configuration>
`;

/**
 * JDK 11/17 module flags, as listed in Cassandra's conf/jvm17-server.options (and
 * jvm11-server.options, which needs the same opens for our use). Without them the daemon
 * fails at start on reflective access.
 */
export const moduleFlags = [
  '-Djdk.attach.allowAttachSelf=true',
  '--add-exports',
  'java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-exports',
  'java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED',
  '--add-exports',
  'java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports',
  'java.rmi/sun.rmi.server=ALL-UNNAMED',
  '--add-exports',
  'java.sql/java.sql=ALL-UNNAMED',
  '--add-exports',
  'java.base/java.lang.ref=ALL-UNNAMED',
  '--add-exports',
  'jdk.unsupported/sun.misc=ALL-UNNAMED',
  '--add-exports',
  'jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED',
  '--add-exports',
  'jdk.attach/sun.tools.attach=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.lang.module=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.loader=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.reflect=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.math=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.module=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.util.jar=ALL-UNNAMED',
  '--add-opens',
  'jdk.management/com.sun.management.internal=ALL-UNNAMED',
  '--add-opens',
  'java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.io=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens',
  'jdk.compiler/com.sun.tools.javac=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.lang=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.util=ALL-UNNAMED',
];

/**
 * @param {{ libDir: string, jammJar: string, dataDir: string, configFile: string,
 *   logbackFile: string, heap: string, initialHeap: string, jmxPort?: number, ringDelayMs?: number }} options
 *   jmxPort: a local-only JMX port for nodetool (none by default); ringDelayMs: how long a node
 *   waits to learn the ring (100 ms by default, for a node alone)
 */
export function cassandraJvmArgs({ libDir, jammJar, dataDir, configFile, logbackFile, heap, initialHeap, jmxPort, ringDelayMs = 100 }) {
  return [
    // General and G1 settings from conf/jvm-server.options and jvm17-server.options.
    '-ea',
    '-da:net.openhft...',
    '-Xss256k',
    '-XX:+UseG1GC',
    '-XX:+ParallelRefProcEnabled',
    '-XX:MaxTenuringThreshold=1',
    '-XX:G1HeapRegionSize=16m',
    '-XX:MaxGCPauseMillis=300',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.net.preferIPv4Stack=true',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dio.netty.allocator.useCacheForAllThreads=true',
    '-Dio.netty.allocator.maxOrder=11',
    ...moduleFlags,
    `-Xms${initialHeap}`,
    `-Xmx${heap}`,
    // jamm measures object sizes for memtables; Cassandra's own launcher always adds it.
    `-javaagent:${jammJar}`,
    `-Dcassandra.config=file://${configFile}`,
    `-Dcassandra.storagedir=${dataDir}`,
    `-Dcassandra.logdir=${dataDir}/logs`,
    `-Dlogback.configurationFile=file://${logbackFile}`,
    '-Dcassandra-foreground=yes',
    // Do not wait for gossip to settle: a single node has nobody to gossip with, and a ring's
    // health check waits until every node sees the others instead.
    '-Dcassandra.skip_wait_for_gossip_to_settle=0',
    `-Dcassandra.ring_delay_ms=${ringDelayMs}`,
    ...(jmxPort === undefined ? [] : [`-Dcassandra.jmx.local.port=${jmxPort}`]),
    '-Dcassandra.superuser_setup_delay_ms=0',
    // A throwaway test node: do not flush the system tables after every schema change
    // (the flush is most of a DDL's latency; durability across a crash is not needed here).
    '-Dcassandra.unsafesystem=true',
    '-cp',
    `${libDir}/*`,
    'org.apache.cassandra.service.CassandraDaemon',
  ];
}
