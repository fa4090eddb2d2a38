#!/usr/bin/env node
// mysql-apply: N migrations (create table + index each) through our engine (MysqlAdapter over
// mysql2), knex's migrator (mysql2 client) and a bare mysql2 loop of the same statements, each
// on a fresh database of the same MariaDB server. Prints progress, then one JSON line last:
// { bench, n, server, times_ms: {…}, ratio_knex, ratio_bare, … }.
//
//   pnpm bench mysql-apply [N=1000] [runs=1]
// (needs `pnpm services:up mariadb`; `pnpm bench` builds the packages when a dist is missing.)
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MysqlAdapter, compileMysql } from '@ductape/adapter-mysql';
import { migration } from '@ductape/core';
import { loadServicesEnv } from '@ductape/services/load-env';
import mysql from 'mysql2/promise';
import { engineApply, knexApply } from './apply-contenders.mjs';

const AT = Date.UTC(2024, 0, 1);

function serverUrl() {
  const fromEnv = process.env.DUCTAPE_TEST_MYSQL_URL;
  if (fromEnv) return fromEnv;
  loadServicesEnv();
  if (!process.env.DUCTAPE_TEST_MYSQL_URL) throw new Error('no MySQL-protocol server: run `pnpm services:up mariadb` first');
  return process.env.DUCTAPE_TEST_MYSQL_URL;
}

/** The N migrations, and the SQL each one runs (the same text for every contender). */
function workload(n) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    ms.push(
      migration(`m${String(i).padStart(5, '0')}`)
        .at(new Date(AT + i * 1000))
        .createCollection(`t_${i}`, {
          id: { type: 'integer', primaryKey: true, autoIncrement: true },
          name: { type: 'string', length: 100 },
          created_at: { type: 'datetime', default: { $fn: 'now' } },
        })
        .createIndex(`t_${i}`, `t_${i}_name`, ['name'])
        .build(),
    );
  }
  const statements = ms.map((m) => m.up.flatMap((op, index) => compileMysql(op, { migration: m, direction: 'up', index, options: {} }).map((s) => s.text)));
  return { ms, statements };
}

async function freshDatabase(url, label) {
  const name = `ductape_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(url);
  await admin.query(`CREATE DATABASE \`${name}\``);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE \`${name}\``);
      await admin.end();
    },
  };
}

const since = (t0) => Math.round(performance.now() - t0);

const contenders = {
  async ductape(url, { ms }) {
    return engineApply(new MysqlAdapter({ connection: url, logger: false }), ms, undefined, since);
  },
  async knex(url, work) {
    return knexApply('mysql2', url, work, since);
  },
  async bare_mysql2(url, { ms, statements }) {
    const c = await mysql.createConnection(url);
    const t0 = performance.now();
    await c.query('CREATE TABLE IF NOT EXISTS bare_meta (name VARCHAR(255) PRIMARY KEY, applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))');
    for (let i = 0; i < ms.length; i++) {
      for (const s of statements[i]) await c.query(s);
      await c.query('INSERT INTO bare_meta (name) VALUES (?)', [ms[i].name]);
    }
    const t = since(t0);
    await c.end();
    return t;
  },
};

export async function run(args = []) {
  const n = Number(args[0] ?? 1000);
  const runs = Number(args[1] ?? 1);
  const url = serverUrl();
  const work = workload(n);
  const probe = await mysql.createConnection(url);
  const [[{ version }]] = await probe.query('SELECT VERSION() AS version');
  await probe.end();
  const times = {};
  for (const [name, fn] of Object.entries(contenders)) {
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const db = await freshDatabase(url, name);
      try {
        samples.push(await fn(db.url, work));
      } finally {
        await db.drop();
      }
      console.error(`mysql-apply: ${name} run ${r + 1}/${runs}: ${samples[samples.length - 1]} ms for ${n} migrations`);
    }
    times[name] = samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  }
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  return {
    bench: 'mysql-apply',
    n,
    runs,
    server: `MariaDB ${version} (MySQL protocol, mysql2)`,
    statements_per_migration: work.statements[0].length,
    times_ms: times,
    ratio_knex: ratio(times.ductape, times.knex),
    ratio_bare: ratio(times.ductape, times.bare_mysql2),
    per_migration_ms: { ductape: ratio(times.ductape, n), knex: ratio(times.knex, n), bare_mysql2: ratio(times.bare_mysql2, n) },
    load_avg_1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run(process.argv.slice(2)).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
