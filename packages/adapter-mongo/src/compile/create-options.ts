import { type MongoOptions, ValidationError } from '@ductape/core';
import { MissingFeatureError } from './missing-feature-error.js';
import type { ServerFeatures } from '../mongo-compile-settings.js';
import type { Doc } from './step.js';

const GRANULARITIES = ['seconds', 'minutes', 'hours'];

/**
 * The `create` options of a collection's collation, time series and clustered index
 * (mongoOptions), checked first: a malformed one is a ValidationError, one the server lacks
 * (probed at connect) a MissingFeatureError, both before any IO.
 * @example createOptions('events', { timeseries: { timeField: 'at', granularity: 'minutes' } }, MONGODB_FEATURES) // { timeseries: { timeField: 'at', granularity: 'minutes' } }
 */
export function createOptions(collection: string, mo: MongoOptions, features: ServerFeatures): Doc {
  const problems: { code: string; path: string; message: string }[] = [];
  const bad = (path: string, message: string) => problems.push({ code: 'invalid_option', path: `options.mongoOptions.${path}`, message });
  const ts = mo.timeseries;
  if (ts !== undefined) {
    if (typeof ts?.timeField !== 'string' || ts.timeField === '') bad('timeseries.timeField', "a time-series collection needs its timeField, the field holding each document's date");
    if (ts?.metaField !== undefined && (typeof ts.metaField !== 'string' || ts.metaField === '' || ts.metaField === ts.timeField))
      bad('timeseries.metaField', 'metaField names another field than timeField');
    if (ts?.granularity !== undefined && !GRANULARITIES.includes(ts.granularity)) bad('timeseries.granularity', `granularity must be one of ${GRANULARITIES.join(', ')}`);
    if (mo.capped || mo.clusteredIndex) bad('timeseries', 'a time-series collection cannot also be capped or have a clusteredIndex (MongoDB clusters it by time itself)');
  }
  const ci = mo.clusteredIndex;
  if (ci !== undefined && (ci?.unique !== true || JSON.stringify(ci?.key) !== '{"_id":1}')) bad('clusteredIndex', 'a clustered index is { key: { _id: 1 }, unique: true } (and an optional name)');
  if (ci !== undefined && mo.capped) bad('clusteredIndex', 'a clustered collection cannot be capped');
  if (mo.collation !== undefined && (typeof mo.collation?.locale !== 'string' || mo.collation.locale === ''))
    bad('collation.locale', 'a collation needs its locale, e.g. { locale: "fr", strength: 2 }');
  if (problems.length > 0) throw new ValidationError(`createCollection "${collection}"`, problems);
  const missing = (feature: string) => new MissingFeatureError(`createCollection "${collection}" with ${feature}`, feature, false);
  if (ts !== undefined && !features.timeseries) throw missing('time-series collections');
  if (ci !== undefined && !features.clusteredCollections) throw missing('clustered collections');
  if (mo.collation !== undefined && !features.collation) throw missing('collations');
  return {
    ...(ts ? { timeseries: ts } : {}),
    ...(ci ? { clusteredIndex: ci } : {}),
    ...(mo.collation ? { collation: mo.collation } : {}),
  };
}
