import type { MongoOptions } from '@ductape/core';
import type { Document } from 'mongodb';

type Collation = NonNullable<MongoOptions['collation']>;

// ICU's defaults, as MongoDB fills them into every collation it reports (locale-specific ones aside).
const COLLATION_DEFAULTS: Record<string, unknown> = {
  caseLevel: false,
  caseFirst: 'off',
  strength: 3,
  numericOrdering: false,
  alternate: 'non-ignorable',
  maxVariable: 'punct',
  normalization: false,
  backwards: false,
};

/**
 * A collation as MongoDB reports it (every ICU option filled in, and `version`), back in the
 * form it was written: the locale and the options that differ from ICU's defaults.
 * @example collationOf({ locale: 'fr', strength: 2, caseLevel: false, caseFirst: 'off', version: '57.1' }) // { locale: 'fr', strength: 2 }
 */
export function collationOf(reported: unknown): Collation | undefined {
  if (!reported || typeof reported !== 'object') return undefined;
  const c = reported as Record<string, unknown>;
  if (typeof c.locale !== 'string' || c.locale === 'simple') return undefined;
  const kept = Object.entries(c).filter(([k, v]) => k !== 'version' && k !== 'locale' && COLLATION_DEFAULTS[k] !== v);
  return { locale: c.locale, ...Object.fromEntries(kept) } as Collation;
}

// The bucket span MongoDB derives from each granularity (it reports it beside the granularity).
const SPAN: Record<string, number> = { seconds: 3600, minutes: 86_400, hours: 2_592_000 };

/**
 * The collation, time series and clustered index of a collection from listCollections' options,
 * in the form createCollection takes (MongoDB's derived bucketMaxSpanSeconds and the clustered
 * index's `v` and default name `_id_` left out).
 * @example createOptionsOf({ timeseries: { timeField: 'at', granularity: 'seconds', bucketMaxSpanSeconds: 3600 } }) // { timeseries: { timeField: 'at', granularity: 'seconds' } }
 */
export function createOptionsOf(o: Document): Partial<MongoOptions> {
  const collation = collationOf(o.collation);
  const ts = o.timeseries as Record<string, unknown> | undefined;
  let timeseries: Record<string, unknown> | undefined;
  if (ts) {
    const { bucketMaxSpanSeconds, bucketRoundingSeconds: _r, ...rest } = ts;
    const granularity = typeof rest.granularity === 'string' ? rest.granularity : undefined;
    timeseries = granularity && bucketMaxSpanSeconds !== SPAN[granularity] ? { ...rest, bucketMaxSpanSeconds } : rest;
  }
  const ci = o.clusteredIndex as Record<string, unknown> | undefined;
  const clusteredIndex = ci ? { key: ci.key, unique: true, ...(ci.name !== undefined && ci.name !== '_id_' ? { name: ci.name } : {}) } : undefined;
  return {
    ...(collation ? { collation } : {}),
    ...(timeseries ? { timeseries } : {}),
    ...(clusteredIndex ? { clusteredIndex } : {}),
  } as Partial<MongoOptions>;
}
