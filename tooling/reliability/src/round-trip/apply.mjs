import { migration } from '@ductape/core';

/** The op as the engine receives it: the generator's notes for the model removed. */
export function wireOp(op) {
  const { _checkColumns: _c, model: _m, ...rest } = op;
  return rest;
}

/**
 * The migration built through the builder's own methods (no `previous` given anywhere), tagged
 * so that tags sort in history order.
 * @example const m = buildMigration({ name: 'h1_0', index: 0, ops });
 */
export function buildMigration(m) {
  const b = migration(m.name).tag(`20260101_${String(100000 + m.index).slice(1)}0_${m.name}`);
  for (const raw of m.ops) {
    const op = wireOp(raw);
    switch (op.type) {
      case 'createCollection':
        b.createCollection(op.name, op.fields, op.options);
        break;
      case 'dropCollection':
        b.dropCollection(op.name, op.cascade ? { cascade: true } : undefined);
        break;
      case 'renameCollection':
        b.renameCollection(op.from, op.to);
        break;
      case 'addField':
        b.addField(op.collection, op.field);
        break;
      case 'dropField':
        b.dropField(op.collection, op.field);
        break;
      case 'renameField':
        b.renameField(op.collection, op.from, op.to);
        break;
      case 'modifyField':
        b.modifyField(op.collection, op.field, op.changes);
        break;
      case 'createIndex': {
        const { type: _t, collection, name, fields, ...options } = op;
        b.createIndex(collection, name, fields, options);
        break;
      }
      case 'dropIndex':
        b.dropIndex(op.collection, op.name);
        break;
      case 'addConstraint':
        b.addConstraint(op.collection, op.constraint);
        break;
      case 'dropConstraint':
        b.dropConstraint(op.collection, op.name);
        break;
      case 'raw':
        b.raw(op.dialect, op.sql ?? op.command, { down: op.down });
        break;
      default:
        throw new Error(`unknown op ${op.type}`);
    }
  }
  return b.build();
}

/**
 * Runs one op through `db.schema.*` (the sdk's DatabaseService), which introspects the previous
 * definitions itself. Resolves the SchemaResult.
 * @example await sdkCall(db, { type: 'addField', collection: 't', field: { name: 'n', type: 'integer' } });
 */
export function sdkCall(db, raw) {
  const op = wireOp(raw);
  const s = db.schema;
  switch (op.type) {
    case 'createCollection':
      return s.create(op.name, op.fields, op.options);
    case 'dropCollection':
      return s.drop(op.name, op.cascade ? { cascade: true } : {});
    case 'renameCollection':
      return s.rename(op.from, op.to);
    case 'addField': {
      const { name, ...spec } = op.field;
      return s.addField(op.collection, name, spec);
    }
    case 'dropField':
      return s.dropField(op.collection, op.field);
    case 'renameField':
      return s.renameField(op.collection, op.from, op.to);
    case 'modifyField':
      return s.modifyField(op.collection, op.field, op.changes);
    case 'createIndex': {
      const { type: _t, collection, fields, ...options } = op;
      return s.createIndex(collection, fields, options);
    }
    case 'dropIndex':
      return s.dropIndex(op.collection, op.name);
    case 'addConstraint':
      return s.addConstraint(op.collection, op.constraint);
    case 'dropConstraint':
      return s.dropConstraint(op.collection, op.name);
    default:
      throw new Error(`db.schema has no call for ${op.type}`);
  }
}

/**
 * The history as a ready-to-paste builder snippet (what a failing history shrank to).
 * @example console.log(snippet(migrations));
 */
export function snippet(migrations) {
  const lines = ["import { migration } from '@ductape/core';", ''];
  for (const m of migrations) {
    if (m.write.length) for (const w of m.write) lines.push(`// rows written into ${JSON.stringify(w.table)} first: ${JSON.stringify(w.rows)}`);
    lines.push(`// ${m.via === 'sdk' ? 'through db.schema.* (one call per op)' : 'through the builder'}`);
    lines.push(`const ${ident(m.name)} = migration(${JSON.stringify(m.name)})`);
    for (const raw of m.ops) {
      const op = wireOp(raw);
      const j = (v) => JSON.stringify(v);
      switch (op.type) {
        case 'createCollection':
          lines.push(`  .createCollection(${j(op.name)}, ${j(op.fields)})`);
          break;
        case 'dropCollection':
          lines.push(`  .dropCollection(${j(op.name)}${op.cascade ? ', { cascade: true }' : ''})`);
          break;
        case 'renameCollection':
          lines.push(`  .renameCollection(${j(op.from)}, ${j(op.to)})`);
          break;
        case 'addField':
          lines.push(`  .addField(${j(op.collection)}, ${j(op.field)})`);
          break;
        case 'dropField':
          lines.push(`  .dropField(${j(op.collection)}, ${j(op.field)})`);
          break;
        case 'renameField':
          lines.push(`  .renameField(${j(op.collection)}, ${j(op.from)}, ${j(op.to)})`);
          break;
        case 'modifyField':
          lines.push(`  .modifyField(${j(op.collection)}, ${j(op.field)}, ${j(op.changes)})`);
          break;
        case 'createIndex': {
          const { type: _t, collection, name, fields, ...options } = op;
          lines.push(`  .createIndex(${j(collection)}, ${j(name)}, ${j(fields)}${Object.keys(options).length ? `, ${j(options)}` : ''})`);
          break;
        }
        case 'dropIndex':
          lines.push(`  .dropIndex(${j(op.collection)}, ${j(op.name)})`);
          break;
        case 'addConstraint':
          lines.push(`  .addConstraint(${j(op.collection)}, ${j(op.constraint)})`);
          break;
        case 'dropConstraint':
          lines.push(`  .dropConstraint(${j(op.collection)}, ${j(op.name)})`);
          break;
        case 'raw':
          lines.push(`  .raw(${j(op.dialect)}, ${j(op.sql ?? op.command)}, { down: ${j(op.down)} })`);
          break;
        default:
          lines.push(`  .operation(${j(op)})`);
      }
    }
    lines.push('  .build();');
  }
  return lines.join('\n');
}

function ident(name) {
  return name.replace(/\W/g, '_');
}
