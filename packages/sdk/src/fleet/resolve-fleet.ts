import { adapterForUrl } from '../config/adapter-for-url.js';
import { closestName } from '../config/closest-name.js';
import type { DuctapeConfig, FleetConfig, FleetTargetConfig, FleetTargetsFunction } from '../config/config-types.js';
import type { ConfigIssue } from '../config/config-validation-error.js';
import { ConfigValidationError } from '../config/config-validation-error.js';
import { interpolate } from '../config/interpolate.js';
import { checkTargets } from '../config/validate-fleets.js';
import { ConfigError } from '../errors.js';
import { type FleetTarget, defaultTargetName, urlSecrets } from './fleet-target.js';

/** The adapter that can hold a target in a schema and discover schemas. */
export const SCHEMA_ADAPTER = '@ductape/adapter-postgres';

/** The adapter whose tenants can be table prefixes on one endpoint. */
export const TABLE_PREFIX_ADAPTER = '@ductape/adapter-dynamo';

/** What a discovery lists: schemas of one database, databases of one server, keyspaces, or DynamoDB table prefixes. */
export type DiscoveryKind = 'schemas' | 'databases' | 'keyspaces' | 'tablePrefixes';

/** The adapters that can list each kind (the pattern keys of `discover`). */
export const DISCOVERY_ADAPTERS: Readonly<Record<DiscoveryKind, readonly string[]>> = {
  schemas: [SCHEMA_ADAPTER],
  databases: [SCHEMA_ADAPTER, '@ductape/adapter-mysql', '@ductape/adapter-mariadb', '@ductape/adapter-mongo'],
  keyspaces: ['@ductape/adapter-cassandra'],
  tablePrefixes: [TABLE_PREFIX_ADAPTER],
};

/** A fleet environment resolved before any IO: its targets, how to discover them, or the config's function that lists them. */
export type ResolvedFleet =
  | { readonly kind: 'targets'; readonly targets: readonly FleetTarget[] }
  | {
      readonly kind: 'discover';
      readonly adapterPackage: string;
      /** The @ductape adapter whose way of listing names is used: the adapter's, or its URL scheme's when the adapter is given by path. */
      readonly lister: string;
      readonly url: string;
      readonly what: DiscoveryKind;
      /** A LIKE pattern (`databasePrefix` becomes `<prefix escaped>%`). */
      readonly like: string;
      /** The config key the pattern came from, for messages. */
      readonly key: string;
      readonly options?: { readonly [key: string]: unknown };
      readonly secrets: readonly string[];
      /** Where it was configured, for messages. */
      readonly where: string;
    }
  | {
      readonly kind: 'function';
      readonly list: FleetTargetsFunction;
      /** Turns what the function returned into targets (checked as a targets list is, ConfigValidationError). */
      readonly resolve: (value: unknown) => readonly FleetTarget[];
      readonly where: string;
    };

/**
 * A LIKE pattern that matches the names starting with `prefix` (its `%`, `_` and `\` escaped).
 * @example prefixLike('t_') // 't\\_%'
 */
export function prefixLike(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Resolves fleet `fleet` in `env` from the config: `${env:VAR}` interpolated, each target's adapter
 * known, names unique. Every problem is a ConfigError saying what to add or change; no IO.
 * @example resolveFleet('tenants', 'prd', { file: 'ductape.config.mjs', value: config }, process.env)
 */
export function resolveFleet(fleet: string, env: string, config: { file: string; value: DuctapeConfig } | undefined, vars: NodeJS.ProcessEnv): ResolvedFleet {
  if (!config)
    throw new ConfigError(
      `fleet "${fleet}" needs a config: no ductape.config.{ts,mjs,js,json} was found from the working directory upward`,
      `add fleets.${fleet} to ductape.config.*, or pass { config } to new DatabaseService()`,
    );
  const fleets = config.value.fleets ?? {};
  const f: FleetConfig | undefined = fleets[fleet];
  if (!f) {
    const known = Object.keys(fleets);
    const near = closestName(fleet, known);
    throw new ConfigError(
      `${config.file} has no fleets.${fleet}${near ? ` (did you mean "${near}"?)` : ''}`,
      known.length > 0 ? `use one of ${known.map((k) => `"${k}"`).join(', ')}, or add fleets.${fleet}` : `add fleets: { ${fleet}: { adapter, environments: { ${env}: { targets: [...] } } } }`,
    );
  }
  const envConfig = f.environments[env];
  const at = `fleets.${fleet}.environments.${env}`;
  if (!envConfig) {
    const known = Object.keys(f.environments);
    throw new ConfigError(`${config.file} has no ${at}`, `add ${at}: { targets: [...] } or { discover: { url, schemasLike } }${known.length > 0 ? ` (configured: ${known.join(', ')})` : ''}`);
  }
  const where = `${config.file} (${at})`;
  if ('discover' in envConfig) {
    const d = envConfig.discover as Record<string, string>;
    const url = text(interpolate(d.url as string, vars, `${where}.discover.url`));
    const adapterPackage = adapterOf(f, url, `${at}.discover.url`, where);
    const [key, what, like] =
      d.schemasLike !== undefined
        ? (['schemasLike', 'schemas', d.schemasLike] as const)
        : d.keyspacesLike !== undefined
          ? (['keyspacesLike', 'keyspaces', d.keyspacesLike] as const)
          : d.tablePrefixLike !== undefined
            ? (['tablePrefixLike', 'tablePrefixes', d.tablePrefixLike] as const)
            : d.databasePrefix !== undefined
              ? (['databasePrefix', 'databases', prefixLike(d.databasePrefix)] as const)
              : (['databasesLike', 'databases', d.databasesLike as string] as const);
    const able = DISCOVERY_ADAPTERS[what];
    const known = Object.values(DISCOVERY_ADAPTERS).some((list) => list.includes(adapterPackage));
    // An adapter given by path (or a third party's) lists names as the adapter of its URL's scheme does.
    const lister = known ? adapterPackage : (adapterForUrl(url) ?? adapterPackage);
    if (!able.includes(lister)) {
      const fits = (Object.keys(DISCOVERY_ADAPTERS) as DiscoveryKind[]).filter((k) => DISCOVERY_ADAPTERS[k].includes(lister));
      throw new ConfigError(
        `${where} discovers ${what} with ${adapterPackage}, which has no ${what} to discover`,
        `discover.${key} works with ${able.join(', ')}${fits.length > 0 ? `; ${lister} can discover ${fits.join(' or ')} (${fits.map(keyOf).join(' / ')})` : '; list the targets instead: { targets: [...] }'}`,
      );
    }
    return { kind: 'discover', adapterPackage, lister, url, what, like, key, ...(f.options ? { options: f.options } : {}), secrets: urlSecrets(url), where };
  }
  if (typeof envConfig.targets === 'function') {
    const file = config.file;
    return {
      kind: 'function',
      list: envConfig.targets,
      where,
      resolve: (value) => {
        const issues: ConfigIssue[] = [];
        checkTargets(value, `${at}.targets()`, issues, false);
        if (issues.length > 0) throw new ConfigValidationError(`what ${where}.targets() returned`, issues);
        return targetList(f, value as readonly FleetTargetConfig[], `${at}.targets()`, vars, file, where);
      },
    };
  }
  return { kind: 'targets', targets: targetList(f, envConfig.targets, `${at}.targets`, vars, config.file, where) };
}

function keyOf(kind: DiscoveryKind): string {
  return kind === 'schemas' ? 'schemasLike' : kind === 'keyspaces' ? 'keyspacesLike' : kind === 'tablePrefixes' ? 'tablePrefixLike' : 'databasesLike or databasePrefix';
}

function targetList(f: FleetConfig, list: readonly FleetTargetConfig[], at: string, vars: NodeJS.ProcessEnv, file: string, where: string): FleetTarget[] {
  const targets = list.map((t, i) => targetOf(f, t, `${at}[${i}]`, vars, file));
  const seen = new Map<string, number>();
  targets.forEach((t, i) => {
    const first = seen.get(t.name);
    if (first !== undefined) throw new ConfigError(`${where}: targets[${first}] and targets[${i}] are both named "${t.name}"`, 'give each target a distinct { url, name } (or a distinct schema)');
    seen.set(t.name, i);
  });
  return targets;
}

function targetOf(f: FleetConfig, t: FleetTargetConfig, at: string, vars: NodeJS.ProcessEnv, file: string): FleetTarget {
  const where = `${file} (${at})`;
  const spec = typeof t === 'string' ? { url: t } : t;
  const url = text(interpolate(spec.url, vars, where));
  const adapterPackage = adapterOf(f, url, at, where);
  if (spec.schema !== undefined && adapterPackage !== SCHEMA_ADAPTER) {
    throw new ConfigError(
      `${where} gives a schema, but ${adapterPackage} keeps a target per database, not per schema`,
      `remove schema and give each target its own URL (schemas are for ${SCHEMA_ADAPTER})`,
    );
  }
  // An adapter given by path keeps targets as the adapter of its URL's scheme does.
  if (spec.tablePrefix !== undefined && adapterPackage !== TABLE_PREFIX_ADAPTER && adapterForUrl(url) !== TABLE_PREFIX_ADAPTER) {
    throw new ConfigError(
      `${where} gives a tablePrefix, but ${adapterPackage} keeps a target per database, not per table prefix`,
      `remove tablePrefix and give each target its own URL (table prefixes are for ${TABLE_PREFIX_ADAPTER})`,
    );
  }
  const options = spec.schema !== undefined ? { ...f.options, schema: spec.schema } : spec.tablePrefix !== undefined ? { ...f.options, tablePrefix: spec.tablePrefix } : f.options;
  return { name: spec.name ?? defaultTargetName(url, spec.schema ?? spec.tablePrefix), adapterPackage, connection: url, ...(options ? { options } : {}), secrets: urlSecrets(url) };
}

function adapterOf(f: FleetConfig, url: string, at: string, where: string): string {
  const adapterPackage = f.adapter ?? adapterForUrl(url);
  if (!adapterPackage) throw new ConfigError(`${where} has a URL whose scheme names no adapter`, `add adapter: '@ductape/adapter-…' to the fleet (${at.split('.environments')[0]})`);
  return adapterPackage;
}

function text(value: unknown): string {
  return value as string;
}
