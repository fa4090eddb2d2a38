import type { Session } from '@ductape/core';
import type { ClientSession } from 'mongodb';

/** A session of the Mongo adapter: a driver ClientSession, never inside a transaction for DDL. */
export interface MongoSession extends Session {
  readonly client: ClientSession;
}

/**
 * The MongoSession inside an opaque core Session, or undefined when it came from elsewhere.
 * @example const s = asMongoSession(session); if (s) await coll.insertOne(doc, { session: s.client });
 */
export function asMongoSession(session: Session | undefined): MongoSession | undefined {
  const s = session as Partial<MongoSession> | undefined;
  return s && typeof s === 'object' && s.client && typeof s.client === 'object' ? (s as MongoSession) : undefined;
}
