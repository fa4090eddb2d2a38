import type { Operation } from './operation.js';

/** A built migration: frozen, JSON-serialisable data. */
export interface Migration {
  /** Identity of the migration in history (unique per database). */
  readonly name: string;
  /** `YYYYMMDD_HHMMSS_name`, used for ordering and display. Not part of the checksum. */
  readonly tag: string;
  readonly description?: string;
  readonly up: readonly Operation[];
  /** The inverse operations, in the order they run. Empty when irreversible. */
  readonly down: readonly Operation[];
  /** Set when some operation has no inverse (a raw operation without `down`). */
  readonly irreversible?: string;
}
