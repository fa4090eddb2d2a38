// `services:up [names…]`: every named server (all when none) in parallel, then .services.env.
import { upCassandraCluster } from './cassandra-cluster.mjs';
import { upGalera } from './galera.mjs';
import { findService, resolveNames } from './registry.mjs';
import { writeServicesEnv } from './services-env.mjs';
import { upNative } from './up-native.mjs';

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * @param {string[]} args
 * @returns {Promise<number>} exit code
 */
export async function up(args) {
  if (process.env.DUCTAPE_SERVICES === 'testcontainers') {
    const { upWithTestcontainers } = await import('./testcontainers.mjs');
    return upWithTestcontainers(args);
  }
  const names = resolveNames(args);
  const began = Date.now();
  console.log(`services:up ${names.join(' ')}`);
  const results = await Promise.allSettled(
    names.map(async (name) => {
      const result = await (name === 'galera' ? upGalera() : name === 'cassandra-cluster' ? upCassandraCluster() : upNative(findService(name))).catch((/** @type {Error} */ error) => {
        console.error(`  ✗ ${error.message}`);
        throw error;
      });
      const how = result.status === 'started' ? `install ${seconds(result.installMs)}, start ${seconds(result.startMs)}` : 'already running';
      console.log(`  ✓ ${name} on ${'host' in result ? result.host : '127.0.0.1'}:${result.port} (pid ${result.pid}; ${how})`);
      return result;
    }),
  );
  const failures = results.filter((r) => r.status === 'rejected');
  const { file, vars } = writeServicesEnv();
  console.log(`wrote ${Object.keys(vars).length} settings to ${file} (${seconds(Date.now() - began)} in all)`);
  if (failures.length > 0) {
    const others = failures.length < names.length ? '; the others are running' : '';
    console.error(`services:up: ${failures.length} of ${names.length} server(s) failed to start${others}.`);
    return 1;
  }
  return 0;
}
