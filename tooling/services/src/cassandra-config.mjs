// What a Cassandra JVM needs that the tarball's bin/cassandra would normally provide: a
// single-node cassandra.yaml, a quiet logback.xml and the JVM flags.

/**
 * @param {{ dataDir: string, port: number, storagePort: number }} options
 */
export function cassandraYaml({ dataDir, port, storagePort }) {
  return `# Written by @ductape/services: one throwaway node on 127.0.0.1.
cluster_name: ductape
num_tokens: 1
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
listen_address: 127.0.0.1
rpc_address: 127.0.0.1
storage_port: ${storagePort}
native_transport_port: ${port}
start_native_transport: true
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:${storagePort}"
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
const moduleFlags = [
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
 *   logbackFile: string, heap: string, initialHeap: string }} options
 */
export function cassandraJvmArgs({ libDir, jammJar, dataDir, configFile, logbackFile, heap, initialHeap }) {
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
    // A single node with nobody to gossip with: do not wait for the ring to settle.
    '-Dcassandra.skip_wait_for_gossip_to_settle=0',
    '-Dcassandra.ring_delay_ms=100',
    '-Dcassandra.superuser_setup_delay_ms=0',
    // A throwaway test node: do not flush the system tables after every schema change
    // (the flush is most of a DDL's latency; durability across a crash is not needed here).
    '-Dcassandra.unsafesystem=true',
    '-cp',
    `${libDir}/*`,
    'org.apache.cassandra.service.CassandraDaemon',
  ];
}
