import { createHash } from 'node:crypto';
import { type ResolvedUpdate, canonicalJson } from '@ductape/core';

/** Where an interrupted data migration resumes: one row per update, deleted when it completes. */
export const DATA_PROGRESS_TABLE = '_ductape_data_progress';

/**
 * The id of an update's progress row: sha256 of the resolved update.
 * @example progressId(resolved) // '3f…'
 */
export function progressId(update: ResolvedUpdate): string {
  return createHash('sha256').update(canonicalJson(update)).digest('hex');
}
