// The 20 migrations every runner of the ring tests applies: built the same way in every process
// (fixed timestamps), so their checksums match. Tables t01…t10, then a column on each.
import { migration } from '@ductape/core';

const at = (i) => new Date(Date.UTC(2026, 0, 1, 0, 0, i));
const pad = (i) => String(i).padStart(2, '0');

export function clusterMigrations() {
  const count = 20;
  const half = 10;
  const list = [];
  for (let i = 1; i <= count; i++) {
    const t = `t${pad(i <= half ? i : i - half)}`;
    const b =
      i <= half
        ? migration(`m${pad(i)}_create_${t}`).createCollection(t, { id: { type: 'uuid', primaryKey: true }, name: 'string' })
        : migration(`m${pad(i)}_add_note_to_${t}`).addField(t, 'note', { type: 'string' });
    list.push(b.at(at(i)).build());
  }
  return list;
}
