import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** An operation type as its compile file names it: 'alterCollectionOptions' → 'alter-collection-options'. */
function kebab(type: string): string {
  return type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** 'alterCollectionOptions' → 'compileAlterCollectionOptions', the function its compile file exports. */
function compilerName(type: string): string {
  return `compile${type[0]?.toUpperCase() ?? ''}${type.slice(1)}`;
}

/**
 * The files every adapter's `src` holds (besides `index.ts`): one place per concern, under the
 * same names in every adapter, with `<db>` the database's prefix.
 * @example skeletonFiles('postgres') // ['postgres-adapter.ts', 'create-adapter.ts', …]
 */
export function skeletonFiles(db: string): string[] {
  return [
    `${db}-adapter.ts`,
    'create-adapter.ts',
    `${db}-capabilities.ts`,
    `${db}-compile-settings.ts`,
    `${db}-compiler.ts`,
    `${db}-introspector.ts`,
    `${db}-history.ts`,
    `${db}-lock.ts`,
    `${db}-session.ts`,
    'data/update-rows.ts',
  ];
}

/** The files a thin package over another adapter holds (MariaDB over the MySQL family). */
export function thinSkeletonFiles(db: string): string[] {
  return [`${db}-adapter.ts`, 'create-adapter.ts', `${db}-compiler.ts`];
}

/**
 * What is missing from or out of place in an adapter's `src` (an empty list when it has the
 * shared skeleton): the skeleton files, an `introspect/` folder, capabilities built from core's
 * `baseCapabilities()`, and for every operation type in `operationTypes` (core's registry) a
 * `compile/compile-<op>.ts` exporting `compile<Op>` that `<db>-compiler.ts` imports; a
 * `compile/compile-*.ts` for no operation is reported too.
 * @example skeletonProblems('/repo/packages/adapter-postgres/src', 'postgres', Object.keys(OPERATIONS)) // []
 */
export function skeletonProblems(src: string, db: string, operationTypes: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of skeletonFiles(db)) if (!existsSync(join(src, file))) problems.push(`missing src/${file}`);
  const introspect = join(src, 'introspect');
  if (!existsSync(introspect) || !statSync(introspect).isDirectory() || readdirSync(introspect).length === 0) problems.push('missing src/introspect/ (the introspection helpers)');
  const capabilities = join(src, `${db}-capabilities.ts`);
  if (existsSync(capabilities) && !readFileSync(capabilities, 'utf8').includes('baseCapabilities()')) {
    problems.push(`src/${db}-capabilities.ts does not start from core's baseCapabilities() (spread it, then set what the database can do)`);
  }
  problems.push(...compileFileProblems(src, operationTypes));
  const compiler = join(src, `${db}-compiler.ts`);
  if (existsSync(compiler)) {
    const text = readFileSync(compiler, 'utf8');
    for (const type of operationTypes) {
      const file = `compile-${kebab(type)}`;
      if (existsSync(join(src, 'compile', `${file}.ts`)) && !text.includes(`'./compile/${file}.js'`))
        problems.push(`src/${db}-compiler.ts does not import ./compile/${file}.js (its table must use it)`);
    }
  }
  return problems;
}

/**
 * What is missing from a thin adapter's `src` (its own few files), plus the skeleton problems of
 * the package it delegates to.
 * @example thinSkeletonProblems('/repo/packages/adapter-mariadb/src', 'mariadb', { src: '/repo/packages/adapter-mysql/src', db: 'mysql' }, ops) // []
 */
export function thinSkeletonProblems(src: string, db: string, delegate: { readonly src: string; readonly db: string }, operationTypes: readonly string[]): string[] {
  const own = thinSkeletonFiles(db)
    .filter((file) => !existsSync(join(src, file)))
    .map((file) => `missing src/${file}`);
  const extra = ['compile', 'introspect', 'data'].filter((dir) => existsSync(join(src, dir))).map((dir) => `src/${dir}/ belongs in the package it delegates to (${delegate.db})`);
  return [...own, ...extra, ...skeletonProblems(delegate.src, delegate.db, operationTypes).map((p) => `${delegate.db}: ${p}`)];
}

function compileFileProblems(src: string, operationTypes: readonly string[]): string[] {
  const problems: string[] = [];
  const dir = join(src, 'compile');
  const expected = new Map(operationTypes.map((type) => [`compile-${kebab(type)}.ts`, type]));
  for (const [file, type] of expected) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`missing src/compile/${file} (the compiler of ${type}; a refusal is a file too)`);
      continue;
    }
    const name = compilerName(type);
    if (!new RegExp(`export function ${name}\\b`).test(readFileSync(path, 'utf8'))) problems.push(`src/compile/${file} does not export function ${name}`);
  }
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => /^compile-.*\.ts$/.test(f)) : [];
  for (const file of present) if (!expected.has(file)) problems.push(`src/compile/${file} compiles no operation of core's registry (rename it for what it holds)`);
  return problems;
}
