// Finds a Java runtime of a wanted major version (Cassandra 5.0 runs on 11 or 17).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} java */
export function javaMajor(java) {
  // The settings are printed on stderr.
  const result = spawnSync(java, ['-XshowSettings:properties', '-version'], { encoding: 'utf8' });
  const match = /java\.specification\.version = (\d+)/.exec(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  return match ? Number(match[1]) : undefined;
}

/**
 * First java among: $override, JVMs under /usr/lib/jvm, $JAVA_HOME, PATH, whose major
 * version is in `majors` (in the order of preference given).
 *
 * @param {number[]} majors
 * @param {string | undefined} override an explicit java binary (e.g. DUCTAPE_CASSANDRA_JAVA)
 * @returns {{ java: string, major: number }}
 */
export function findJava(majors, override) {
  if (override) {
    const major = javaMajor(override);
    if (major === undefined) throw new Error(`${override} is not a working java binary`);
    return { java: override, major };
  }
  /** @type {string[]} */
  const candidates = [];
  const jvmRoot = '/usr/lib/jvm';
  if (existsSync(jvmRoot)) {
    for (const dir of readdirSync(jvmRoot).sort()) candidates.push(join(jvmRoot, dir, 'bin', 'java'));
  }
  if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  /** @type {Map<number, string>} */
  const found = new Map();
  for (const java of candidates) {
    if (java !== 'java' && !existsSync(java)) continue;
    const major = javaMajor(java);
    if (major !== undefined && !found.has(major)) found.set(major, java);
  }
  for (const major of majors) {
    const java = found.get(major);
    if (java) return { java, major };
  }
  const seen = [...found.keys()].join(', ') || 'none';
  throw new Error(`no Java ${majors.join(' or ')} runtime found (found: ${seen}); install openjdk-17-jre-headless`);
}
