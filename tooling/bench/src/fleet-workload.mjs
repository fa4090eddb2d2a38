// The fleet benchmark's migrations (issue 20): the same 10 for every tenant, built with
// @ductape/core's builder (ours runs them), and the SQL each compiles to on PostgreSQL for one
// tenant schema (the peers and the bare loops run that same text).
import { migration } from '@ductape/core';

const AT = Date.UTC(2026, 0, 1);
const id = { type: 'integer', primaryKey: true, autoIncrement: true };
const created = { type: 'timestamp', default: { $fn: 'now' } };

/**
 * The 10 migrations of a tenant: tables with foreign keys, added columns, indexes.
 * @returns {import('@ductape/core').Migration[]}
 * @example fleetMigrations().length // 10
 */
export function fleetMigrations() {
  const steps = [
    (m) => m.createCollection('accounts', { id, name: { type: 'string', length: 200 }, created_at: created }),
    (m) =>
      m
        .createCollection('users', { id, account_id: { type: 'integer', references: { table: 'accounts', onDelete: 'CASCADE' } }, email: { type: 'string', length: 255 }, created_at: created })
        .createIndex('users', 'users_account_id', ['account_id']),
    (m) => m.createIndex('users', 'users_email', ['email'], { unique: true }),
    (m) => m.createCollection('projects', { id, account_id: { type: 'integer', references: { table: 'accounts', onDelete: 'CASCADE' } }, name: { type: 'string', length: 200 } }),
    (m) => m.addField('users', { name: 'phone', type: 'string', length: 20, nullable: true }),
    (m) =>
      m.createCollection('tasks', {
        id,
        project_id: { type: 'integer', references: { table: 'projects', onDelete: 'CASCADE' } },
        assignee_id: { type: 'integer', nullable: true, references: { table: 'users' } },
        title: 'text',
        done: { type: 'boolean', default: false },
      }),
    (m) => m.createIndex('tasks', 'tasks_project_id', ['project_id']).createIndex('tasks', 'tasks_assignee_id', ['assignee_id']),
    (m) => m.addField('projects', { name: 'archived_at', type: 'timestamp', nullable: true }).addField('tasks', { name: 'due_at', type: 'timestamp', nullable: true }),
    (m) =>
      m
        .createCollection('comments', {
          id,
          task_id: { type: 'integer', references: { table: 'tasks', onDelete: 'CASCADE' } },
          user_id: { type: 'integer', references: { table: 'users' } },
          body: 'text',
          created_at: created,
        })
        .createIndex('comments', 'comments_task_id', ['task_id']),
    (m) => m.addField('accounts', { name: 'plan', type: 'string', length: 20, default: 'free' }),
  ];
  return steps.map((step, i) => step(migration(`m${String(i + 1).padStart(2, '0')}_tenant`).at(new Date(AT + i * 60_000))).build());
}

/**
 * The statements each migration runs, compiled by `compile(op, ctx)` (an adapter's compile, or a
 * dialect compiler bound to a tenant's settings): one list of SQL texts per migration.
 * @param {import('@ductape/core').Migration[]} ms
 * @param {(op: unknown, ctx: object) => { text?: string }[]} compile
 * @returns {string[][]}
 * @example statementsOf(ms, (op, ctx) => compilePostgres(op, ctx, { schema: 't_001', online: false }))
 */
export function statementsOf(ms, compile) {
  return ms.map((m) => m.up.flatMap((op, index) => compile(op, { migration: m, direction: 'up', index, options: {} }).map((s) => s.text)));
}

/**
 * The migrations of a workload by name: 'sql' (fleetMigrations) or 'cassandra' (cassandraMigrations).
 * @param {'sql' | 'cassandra'} name
 * @example workloadOf('sql').length // 10
 */
export function workloadOf(name) {
  return name === 'cassandra' ? cassandraMigrations() : fleetMigrations();
}

/**
 * The 10 migrations of a Cassandra tenant keyspace: tables (no foreign keys there), added
 * columns, secondary indexes.
 * @returns {import('@ductape/core').Migration[]}
 * @example cassandraMigrations().length // 10
 */
export function cassandraMigrations() {
  const steps = [
    (m) => m.createCollection('accounts', { id: { type: 'uuid', primaryKey: true }, name: 'text', created_at: 'timestamp' }),
    (m) => m.createCollection('users', { id: { type: 'uuid', primaryKey: true }, account_id: 'uuid', email: 'text', created_at: 'timestamp' }),
    (m) => m.createIndex('users', 'users_email', ['email']),
    (m) => m.createCollection('projects', { id: { type: 'uuid', primaryKey: true }, account_id: 'uuid', name: 'text' }),
    (m) => m.addField('users', { name: 'phone', type: 'text', nullable: true }),
    (m) => m.createCollection('tasks', { id: { type: 'uuid', primaryKey: true }, project_id: 'uuid', assignee_id: { type: 'uuid', nullable: true }, title: 'text', done: 'boolean' }),
    (m) => m.createIndex('tasks', 'tasks_project_id', ['project_id']),
    (m) => m.addField('projects', { name: 'archived_at', type: 'timestamp', nullable: true }).addField('tasks', { name: 'due_at', type: 'timestamp', nullable: true }),
    (m) => m.createCollection('comments', { id: { type: 'uuid', primaryKey: true }, task_id: 'uuid', user_id: 'uuid', body: 'text', created_at: 'timestamp' }),
    (m) => m.addField('accounts', { name: 'plan', type: 'text', nullable: true }),
  ];
  return steps.map((step, i) => step(migration(`m${String(i + 1).padStart(2, '0')}_tenant`).at(new Date(AT + i * 60_000))).build());
}
