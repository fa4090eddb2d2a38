import type { HistoryEntry, HistoryRow, HistoryStore, Migration, Session } from '@ductape/core';
import type { Collection } from 'mongodb';
import type { MongoDriver } from './mongo-driver.js';
import { asMongoSession } from './mongo-session.js';

/** The history collection's name. */
export const HISTORY_COLLECTION = '_ductape_migrations';

interface HistoryDoc {
  _id: string;
  seq: number;
  tag: string;
  checksum: string;
  status: HistoryEntry['status'];
  direction: HistoryEntry['direction'];
  appliedAt: Date | null;
  startedAt: Date;
  executionMs: number;
  stepsApplied: number;
  stepsTotal: number;
  error: string | null;
  appliedBy: string;
  /** The migration as JSON text: its ops hold `$`-keys (validators, raw commands) BSON field names should not. */
  migration: string;
}

/**
 * History in the `_ductape_migrations` collection: one document per migration, `_id` = its
 * name, `seq` = the order it was first recorded (indexed). Writes happen under the migration
 * lock, so the next `seq` is the highest plus one.
 * @example const h = new MongoHistoryStore(driver); await h.ensure(); await h.list();
 */
export class MongoHistoryStore implements HistoryStore {
  constructor(private readonly driver: MongoDriver) {}

  get #coll(): Collection<HistoryDoc> {
    return this.driver.db.collection<HistoryDoc>(HISTORY_COLLECTION);
  }

  async ensure(): Promise<void> {
    await this.#coll.createIndex({ seq: 1 }, { name: 'seq_1' });
  }

  async list(): Promise<HistoryEntry[]> {
    const docs = await this.#coll.find({}).sort({ seq: 1 }).toArray();
    return docs.map(toEntry);
  }

  /** Every document without its `migration` field (a projection: the server leaves the bodies out). */
  async listRows(): Promise<HistoryRow[]> {
    const docs = await this.#coll
      .find({}, { projection: { migration: 0 } })
      .sort({ seq: 1 })
      .toArray();
    return docs.map(toRow);
  }

  /** The full documents of `names`, in one query. */
  async read(names: readonly string[]): Promise<HistoryEntry[]> {
    if (names.length === 0) return [];
    const docs = await this.#coll
      .find({ _id: { $in: [...names] } })
      .sort({ seq: 1 })
      .toArray();
    return docs.map(toEntry);
  }

  async save(entry: HistoryEntry, session?: Session): Promise<void> {
    const opts = sessionOption(session);
    const { name: _n, migration, ...fields } = entry;
    const set = { ...fields, migration: JSON.stringify(migration) };
    const r = await this.#coll.updateOne({ _id: entry.name }, { $set: set }, opts);
    if (r.matchedCount > 0) return;
    const last = await this.#coll
      .find({}, { ...opts, projection: { seq: 1 } })
      .sort({ seq: -1 })
      .limit(1)
      .toArray();
    await this.#coll.insertOne({ _id: entry.name, seq: (last[0]?.seq ?? 0) + 1, ...set }, opts);
  }

  async remove(name: string, session?: Session): Promise<void> {
    await this.#coll.deleteOne({ _id: name }, sessionOption(session));
  }
}

function sessionOption(session: Session | undefined): { session?: import('mongodb').ClientSession } {
  const s = asMongoSession(session);
  return s ? { session: s.client } : {};
}

function toEntry(d: HistoryDoc): HistoryEntry {
  return { ...toRow(d), migration: JSON.parse(d.migration) as Migration };
}

function toRow(d: Omit<HistoryDoc, 'migration'>): HistoryRow {
  return {
    name: d._id,
    tag: d.tag,
    checksum: d.checksum,
    status: d.status,
    direction: d.direction,
    appliedAt: d.appliedAt ?? null,
    startedAt: d.startedAt,
    executionMs: d.executionMs,
    stepsApplied: d.stepsApplied,
    stepsTotal: d.stepsTotal,
    error: d.error ?? null,
    appliedBy: d.appliedBy,
  };
}
