import { adapterForUrl } from '../config/adapter-for-url.js';
import { closestName } from '../config/closest-name.js';
import type { DuctapeConfig, FleetConfig, FleetTargetConfig } from '../config/config-types.js';
import { interpolate } from '../config/interpolate.js';
import { ConfigError } from '../errors.js';
import { type FleetTarget, defaultTargetName, urlSecrets } from './fleet-target.js';

/** The adapter that can hold a target in a schema and discover schemas. */
export const SCHEMA_ADAPTER = '@ductape/adapter-postgres';

/** A fleet environment resolved before any IO: its targets, or how to discover them. */
export type ResolvedFleet =
  | { readonly kind: 'targets'; readonly targets: readonly FleetTarget[] }
  | {
      readonly kind: 'discover';
      readonly adapterPackage: string;
      readonly url: string;
      readonly schemasLike: string;
      readonly options?: { readonly [key: string]: unknown };
      readonly secrets: readonly string[];
      /** Where it was configured, for messages. */
      readonly where: string;
    };

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
    throw new ConfigError(`${config.file} has no ${at}`, `add ${at}: { targets: [...] } or { discover: { schemasLike, url } }${known.length > 0 ? ` (configured: ${known.join(', ')})` : ''}`);
  }
  const where = `${config.file} (${at})`;
  if ('discover' in envConfig) {
    const url = text(interpolate(envConfig.discover.url, vars, `${where}.discover.url`));
    const adapterPackage = adapterOf(f, url, `${at}.discover.url`, where);
    if (adapterPackage !== SCHEMA_ADAPTER) {
      throw new ConfigError(
        `${where} discovers schemas with ${adapterPackage}, which has no schemas to discover`,
        `discover.schemasLike works with ${SCHEMA_ADAPTER} only for now; list the targets instead: { targets: [...] }`,
      );
    }
    return { kind: 'discover', adapterPackage, url, schemasLike: envConfig.discover.schemasLike, ...(f.options ? { options: f.options } : {}), secrets: urlSecrets(url), where };
  }
  const targets = envConfig.targets.map((t, i) => targetOf(f, t, `${at}.targets[${i}]`, vars, config.file));
  const seen = new Map<string, number>();
  targets.forEach((t, i) => {
    const first = seen.get(t.name);
    if (first !== undefined) throw new ConfigError(`${where}: targets[${first}] and targets[${i}] are both named "${t.name}"`, 'give each target a distinct { url, name } (or a distinct schema)');
    seen.set(t.name, i);
  });
  return { kind: 'targets', targets };
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
  const options = spec.schema !== undefined ? { ...f.options, schema: spec.schema } : f.options;
  return { name: spec.name ?? defaultTargetName(url, spec.schema), adapterPackage, connection: url, ...(options ? { options } : {}), secrets: urlSecrets(url) };
}

function adapterOf(f: FleetConfig, url: string, at: string, where: string): string {
  const adapterPackage = f.adapter ?? adapterForUrl(url);
  if (!adapterPackage) throw new ConfigError(`${where} has a URL whose scheme names no adapter`, `add adapter: '@ductape/adapter-…' to the fleet (${at.split('.environments')[0]})`);
  return adapterPackage;
}

function text(value: unknown): string {
  return value as string;
}
