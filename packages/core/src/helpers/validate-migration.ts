import type { ValidationIssue } from '../errors/errors.js';
import { migrationNameProblem } from './identifiers.js';
import { IssueList, isRecord } from './issue-list.js';
import { TAG_PATTERN } from './tag.js';
import { validateOperation } from './validate-operation.js';

/**
 * Every reason `m` is not a valid migration; empty when it is.
 * @example validationIssues({ name: '', up: [], down: [] }).map((i) => i.code) // ['invalid_name', 'empty_migration']
 */
export function validationIssues(m: unknown): ValidationIssue[] {
  const out = new IssueList();
  if (!isRecord(m)) {
    out.add('not_a_migration', '$', 'a migration must be an object built with migration(name)…build()');
    return out.issues;
  }
  const nameProblem = migrationNameProblem(m.name);
  if (nameProblem) out.add('invalid_name', 'name', `the migration name ${nameProblem}`);
  if (m.tag !== undefined) {
    const match = typeof m.tag === 'string' ? TAG_PATTERN.exec(m.tag) : null;
    if (!match) out.add('invalid_tag', 'tag', 'the tag must look like YYYYMMDD_HHMMSS_name');
    else if (match[3] !== m.name) out.add('tag_name_mismatch', 'tag', `the tag ends in "${match[3]}" but the migration is named "${String(m.name)}"`);
  }
  if (m.description !== undefined && typeof m.description !== 'string') out.add('invalid_description', 'description', 'description must be a string');
  if (!Array.isArray(m.up)) out.add('invalid_up', 'up', 'up must be a list of operations');
  else if (m.up.length === 0) out.add('empty_migration', 'up', 'the migration has no operations');
  else m.up.forEach((op, i) => validateOperation(op, `up[${i}]`, out));
  if (!Array.isArray(m.down)) out.add('invalid_down', 'down', 'down must be a list of operations');
  else m.down.forEach((op, i) => validateOperation(op, `down[${i}]`, out));
  if (Array.isArray(m.up)) crossChecks(m.up, out);
  return out.issues;
}

/** Rules between operations of one migration: indexes on fields the migration itself defines, duplicate names. */
function crossChecks(ops: unknown[], out: IssueList): void {
  const created = new Map<string, Set<string>>();
  const indexNames = new Set<string>();
  ops.forEach((op, i) => {
    if (!isRecord(op)) return;
    if (op.type === 'createCollection' && typeof op.name === 'string') {
      if (created.has(op.name)) out.add('duplicate_collection', `up[${i}].name`, `collection "${op.name}" is created twice`);
      const fields = Array.isArray(op.fields) ? op.fields : [];
      created.set(op.name, new Set(fields.map((f) => (isRecord(f) ? String(f.name) : ''))));
    }
    if (op.type === 'createIndex' && typeof op.name === 'string') {
      if (indexNames.has(op.name)) out.add('duplicate_index', `up[${i}].name`, `index "${op.name}" is created twice`);
      indexNames.add(op.name);
      const fields = typeof op.collection === 'string' ? created.get(op.collection) : undefined;
      if (fields && Array.isArray(op.fields)) {
        op.fields.forEach((f, j) => {
          if (isRecord(f) && typeof f.name === 'string' && !fields.has(f.name))
            out.add('index_on_unknown_field', `up[${i}].fields[${j}].name`, `collection "${String(op.collection)}" has no field "${f.name}"`);
        });
      }
    }
    if (op.type === 'addField' && typeof op.collection === 'string' && isRecord(op.field) && typeof op.field.name === 'string') {
      const fields = created.get(op.collection);
      if (fields?.has(op.field.name)) out.add('duplicate_field', `up[${i}].field.name`, `collection "${op.collection}" already has field "${op.field.name}"`);
      fields?.add(op.field.name);
    }
    followRenamesAndDrops(op, created, indexNames);
  });
}

// What later ops see: a dropped or renamed collection, field or index frees its name.
function followRenamesAndDrops(op: Record<string, unknown>, created: Map<string, Set<string>>, indexNames: Set<string>): void {
  const fields = typeof op.collection === 'string' ? created.get(op.collection) : undefined;
  if (op.type === 'dropCollection' && typeof op.name === 'string') created.delete(op.name);
  else if (op.type === 'renameCollection' && typeof op.from === 'string' && typeof op.to === 'string') {
    const moved = created.get(op.from);
    created.delete(op.from);
    if (moved) created.set(op.to, moved);
  } else if (op.type === 'dropField' && typeof op.field === 'string') fields?.delete(op.field);
  else if (op.type === 'renameField' && typeof op.from === 'string' && typeof op.to === 'string' && fields?.delete(op.from)) fields.add(op.to);
  else if (op.type === 'dropIndex' && typeof op.name === 'string') indexNames.delete(op.name);
}
