import { type IssueList, isRecord } from '../helpers/issue-list.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import type { DynamoOptionChanges } from '../model/collection-option-changes.js';
import type { DynamoOptions, DynamoSecondaryIndex } from '../model/collection-options.js';

// The DynamoDB block of alterCollectionOptions: its shape, the settings it groups (a stream is on
// with a view type, or off), what a table had of them (its `previous`), and their effect on a snapshot.

/** Settings that change together; `previous` holds the whole group as it was. */
export const DYNAMO_GROUPS = {
  ttl: ['ttlAttribute'],
  stream: ['streamEnabled', 'streamViewType'],
  sse: ['sseEnabled', 'sseKmsKeyId'],
  pointInTimeRecovery: ['pointInTimeRecovery'],
  deletionProtection: ['deletionProtection'],
  tags: ['tags'],
  billing: ['billingMode', 'readCapacity', 'writeCapacity', 'indexThroughput'],
} as const;

export type DynamoGroup = keyof typeof DYNAMO_GROUPS;

const KEYS: readonly string[] = Object.values(DYNAMO_GROUPS).flat();
const VIEW_TYPES = ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'];

/**
 * The groups `changes` names (each is changed as a whole).
 * @example dynamoGroups({ streamEnabled: false, tags: { team: 'a' } }) // ['stream', 'tags']
 */
export function dynamoGroups(changes: DynamoOptionChanges): DynamoGroup[] {
  return (Object.keys(DYNAMO_GROUPS) as DynamoGroup[]).filter((g) => DYNAMO_GROUPS[g].some((k) => (changes as Record<string, unknown>)[k] !== undefined));
}

/**
 * Checks a DynamoDB block of alterCollectionOptions (also its `previous`, which has the same shape).
 * @example validateDynamoChanges({ streamEnabled: true }, 'up[0].options.dynamoOptions', out) // stream_without_view_type
 */
export function validateDynamoChanges(o: unknown, path: string, out: IssueList): void {
  if (!isRecord(o) || Object.keys(o).length === 0) {
    return out.add('empty_change', path, 'dynamoOptions needs at least one setting, e.g. { ttlAttribute: "expires_at" } or { pointInTimeRecovery: true }');
  }
  for (const k of Object.keys(o)) if (!KEYS.includes(k)) out.add('unknown_option', `${path}.${k}`, `unknown DynamoDB setting "${k}"; use ${KEYS.join(', ')}`);
  const bad = (key: string, message: string, code = 'invalid_option') => out.add(code, `${path}.${key}`, message);
  if (o.ttlAttribute !== undefined && o.ttlAttribute !== null && !nonEmpty(o.ttlAttribute)) bad('ttlAttribute', 'ttlAttribute must be an attribute name, or null to turn TTL off');
  for (const k of ['streamEnabled', 'sseEnabled', 'pointInTimeRecovery', 'deletionProtection']) if (o[k] !== undefined && typeof o[k] !== 'boolean') bad(k, `${k} must be true or false`);
  if (o.streamViewType !== undefined && !VIEW_TYPES.includes(o.streamViewType as string)) bad('streamViewType', `streamViewType must be one of ${VIEW_TYPES.join(', ')}`);
  if (o.streamEnabled === true && o.streamViewType === undefined)
    bad('streamViewType', 'a stream needs its view type, e.g. { streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" }', 'stream_without_view_type');
  if (o.streamEnabled !== true && o.streamViewType !== undefined) bad('streamViewType', 'streamViewType goes with streamEnabled: true');
  if (o.sseKmsKeyId !== undefined && (o.sseEnabled !== true || !nonEmpty(o.sseKmsKeyId))) bad('sseKmsKeyId', 'sseKmsKeyId (a KMS key id, ARN or alias) goes with sseEnabled: true');
  validateTags(o.tags, `${path}.tags`, out);
  validateBilling(o, path, out);
}

/**
 * What the table has now of each group `changes` names, from its introspected dynamoOptions:
 * the `previous` that sets them back.
 * @example previousDynamo({ ttlAttribute: 'exp' }, { ttlAttribute: 'old' }) // { ttlAttribute: 'old' }
 */
export function previousDynamo(changes: DynamoOptionChanges, now: DynamoOptions): DynamoOptionChanges {
  const out: Record<string, unknown> = {};
  for (const g of dynamoGroups(changes)) {
    if (g === 'ttl') out.ttlAttribute = now.ttlAttribute ?? null;
    if (g === 'stream') Object.assign(out, now.streamEnabled ? { streamEnabled: true, streamViewType: now.streamViewType } : { streamEnabled: false });
    if (g === 'sse') Object.assign(out, now.sseEnabled ? withoutUndefined({ sseEnabled: true, sseKmsKeyId: now.sseKmsKeyId }) : { sseEnabled: false });
    if (g === 'pointInTimeRecovery') out.pointInTimeRecovery = now.pointInTimeRecovery === true;
    if (g === 'deletionProtection') out.deletionProtection = now.deletionProtection === true;
    if (g === 'tags') out.tags = Object.fromEntries(Object.keys(changes.tags ?? {}).map((k) => [k, now.tags?.[k] ?? null]));
    if (g === 'billing') Object.assign(out, billingOf(now));
  }
  return out as DynamoOptionChanges;
}

/**
 * True when `previous` holds every group `changes` names (and every tag it names).
 * @example coversDynamo({ tags: { a: 'x' } }, { tags: { a: null } }) // true
 */
export function coversDynamo(changes: DynamoOptionChanges, previous: DynamoOptionChanges | undefined): boolean {
  if (!previous) return false;
  const have = new Set(dynamoGroups(previous));
  return dynamoGroups(changes).every((g) => have.has(g)) && Object.keys(changes.tags ?? {}).every((k) => Object.hasOwn(previous.tags ?? {}, k));
}

/**
 * A table's dynamoOptions with `changes` made, in introspection's form (defaults left out).
 * @example applyDynamoChanges({ partitionKey }, { pointInTimeRecovery: true }).pointInTimeRecovery // true
 */
export function applyDynamoChanges(now: DynamoOptions, changes: DynamoOptionChanges): DynamoOptions {
  const o: Record<string, unknown> = { ...now };
  const set = (k: string, v: unknown) => {
    if (v === undefined || v === null || v === false) delete o[k];
    else o[k] = v;
  };
  for (const g of dynamoGroups(changes)) {
    if (g === 'ttl') set('ttlAttribute', changes.ttlAttribute);
    if (g === 'stream') {
      set('streamEnabled', changes.streamEnabled);
      set('streamViewType', changes.streamEnabled ? changes.streamViewType : undefined);
    }
    if (g === 'sse') {
      set('sseEnabled', changes.sseEnabled);
      set('sseKmsKeyId', changes.sseEnabled ? changes.sseKmsKeyId : undefined);
    }
    if (g === 'pointInTimeRecovery') set('pointInTimeRecovery', changes.pointInTimeRecovery);
    if (g === 'deletionProtection') set('deletionProtection', changes.deletionProtection);
    if (g === 'tags') {
      const tags: Record<string, string> = { ...now.tags };
      for (const [k, v] of Object.entries(changes.tags ?? {})) {
        if (v === null) delete tags[k];
        else tags[k] = v;
      }
      set('tags', Object.keys(tags).length > 0 ? tags : undefined);
    }
    if (g === 'billing') for (const [k, v] of Object.entries(withBilling(now, changes))) set(k, v);
  }
  return o as DynamoOptions;
}

function billingOf(now: DynamoOptions): DynamoOptionChanges {
  if (now.billingMode !== 'PROVISIONED') return { billingMode: 'PAY_PER_REQUEST' };
  const own = (now.globalSecondaryIndexes ?? []).filter((g) => g.readCapacity !== undefined && g.writeCapacity !== undefined);
  const indexThroughput = Object.fromEntries(own.map((g) => [g.name, { readCapacity: g.readCapacity as number, writeCapacity: g.writeCapacity as number }]));
  return withoutUndefined({ billingMode: 'PROVISIONED' as const, readCapacity: now.readCapacity, writeCapacity: now.writeCapacity, indexThroughput: own.length > 0 ? indexThroughput : undefined });
}

function withBilling(now: DynamoOptions, c: DynamoOptionChanges): Partial<DynamoOptions> {
  const provisioned = c.billingMode === 'PROVISIONED';
  const wasProvisioned = now.billingMode === 'PROVISIONED';
  const gsis = now.globalSecondaryIndexes?.map((g): DynamoSecondaryIndex => {
    const { readCapacity: _r, writeCapacity: _w, ...rest } = g;
    if (!provisioned) return rest;
    const own = c.indexThroughput?.[g.name];
    if (own) return { ...rest, ...own };
    // A GSI keeps its capacities while the table stays PROVISIONED, and takes the table's when it switches.
    return wasProvisioned ? g : { ...rest, readCapacity: c.readCapacity, writeCapacity: c.writeCapacity };
  });
  return {
    billingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    readCapacity: provisioned ? c.readCapacity : undefined,
    writeCapacity: provisioned ? c.writeCapacity : undefined,
    ...(gsis ? { globalSecondaryIndexes: gsis } : {}),
  };
}

function validateTags(tags: unknown, path: string, out: IssueList): void {
  if (tags === undefined) return;
  if (!isRecord(tags) || Object.keys(tags).length === 0) return out.add('invalid_option', path, 'tags must name at least one tag, e.g. { team: "payments" } (null removes a tag)');
  for (const [k, v] of Object.entries(tags)) {
    if (k.length === 0 || k.length > 128 || k.startsWith('aws:')) out.add('invalid_tag', `${path}.${k}`, 'a tag key is 1 to 128 characters and does not start with "aws:"');
    if (v !== null && (typeof v !== 'string' || v.length > 256)) out.add('invalid_tag', `${path}.${k}`, 'a tag value is a string of at most 256 characters, or null to remove the tag');
  }
}

function validateBilling(o: Record<string, unknown>, path: string, out: IssueList): void {
  const named = ['readCapacity', 'writeCapacity', 'indexThroughput'].filter((k) => o[k] !== undefined);
  if (o.billingMode === undefined) {
    if (named.length > 0) out.add('invalid_option', `${path}.billingMode`, `${named.join(', ')} go with billingMode: 'PROVISIONED'`);
    return;
  }
  if (o.billingMode === 'PAY_PER_REQUEST') {
    if (named.length > 0) out.add('invalid_option', `${path}.billingMode`, `PAY_PER_REQUEST billing takes no ${named.join(', ')}`);
    return;
  }
  if (o.billingMode !== 'PROVISIONED') return out.add('invalid_option', `${path}.billingMode`, "billingMode must be 'PAY_PER_REQUEST' or 'PROVISIONED'");
  for (const k of ['readCapacity', 'writeCapacity']) if (!isUnits(o[k])) out.add('invalid_option', `${path}.${k}`, 'PROVISIONED billing needs readCapacity and writeCapacity (positive integers)');
  if (o.indexThroughput === undefined) return;
  if (!isRecord(o.indexThroughput)) return out.add('invalid_option', `${path}.indexThroughput`, 'indexThroughput maps GSI names to { readCapacity, writeCapacity }');
  for (const [name, t] of Object.entries(o.indexThroughput)) {
    if (!isRecord(t) || !isUnits(t.readCapacity) || !isUnits(t.writeCapacity))
      out.add('invalid_option', `${path}.indexThroughput.${name}`, 'a GSI throughput is { readCapacity, writeCapacity } (positive integers)');
  }
}

function isUnits(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}

function nonEmpty(v: unknown): boolean {
  return typeof v === 'string' && v !== '';
}
