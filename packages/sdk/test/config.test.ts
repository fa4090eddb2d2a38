import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseService, envVariableNames } from '../src/index.js';
// @ts-expect-error plain .mjs module of the services tooling
import { tempDir } from '@ductape/services/temp-dir';

const target = { env: 'staging', product: 'my-app', database: 'main-db' };

function project(files: Record<string, string>): string {
  const dir = tempDir('ductape-sdk-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const dbConfig = (connection: string, adapter = '@ductape/core/testing') =>
  JSON.stringify({ products: { 'my-app': { databases: { 'main-db': { adapter, environments: { staging: connection } } } } } });

describe('config resolution', () => {
  it('names environment variables by product, database and env', () => {
    expect(envVariableNames('my-app', 'main-db', 'prd')).toEqual({ url: 'DUCTAPE_MY_APP_MAIN_DB_PRD_URL', adapter: 'DUCTAPE_MY_APP_MAIN_DB_PRD_ADAPTER' });
  });

  it('finds ductape.config.json from a subdirectory upward', async () => {
    const dir = project({ 'ductape.config.json': dbConfig('memory://found-json'), 'src/deep/.keep': '' });
    const db = new DatabaseService({ cwd: join(dir, 'src', 'deep'), vars: {} });
    await db.connect(target);
    expect(db.getAdapter().name).toBe('memory');
  });

  it('loads ductape.config.mjs with a named export', async () => {
    const dir = project({ 'ductape.config.mjs': `export const config = ${dbConfig('memory://found-mjs')};` });
    const db = new DatabaseService({ cwd: dir, vars: {} });
    await db.connect(target);
    expect(db.getAdapter().name).toBe('memory');
  });

  it('interpolates ${env:VAR} and names a missing variable without printing values', async () => {
    const dir = project({ 'ductape.config.json': dbConfig('memory://u:${env:SECRET_PW}@host') });
    await new DatabaseService({ cwd: dir, vars: { SECRET_PW: 'hunter2' } }).connect(target);
    const error = (await new DatabaseService({ cwd: dir, vars: {} }).connect(target).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'DUCTAPE_CONFIG' });
    expect(error.message).toContain('SECRET_PW is not set');
  });

  it('environment variables win over the config file', async () => {
    const dir = project({ 'ductape.config.json': dbConfig('memory://from-file', '@ductape/adapter-does-not-exist') });
    const db = new DatabaseService({ cwd: dir, vars: { DUCTAPE_MY_APP_MAIN_DB_STAGING_URL: 'memory://from-env' } });
    await db.connect(target);
    expect(db.getAdapter().name).toBe('memory');
  });

  it('a non-dev env with no config is a typed error that says what to add', async () => {
    const dir = project({});
    const error = (await new DatabaseService({ cwd: dir, vars: {} }).connect(target).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'DUCTAPE_CONFIG' });
    expect(error.message).toContain('DUCTAPE_MY_APP_MAIN_DB_STAGING_URL');
    expect(error.message).toContain('environments.staging');
  });

  it('a missing adapter package says which package to install', async () => {
    const dir = project({ 'ductape.config.json': dbConfig('x://y', '@ductape/adapter-nosuch') });
    const error = (await new DatabaseService({ cwd: dir, vars: {} }).connect(target).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'DUCTAPE_ADAPTER_NOT_INSTALLED', packageName: '@ductape/adapter-nosuch' });
    expect(error.message).toContain('npm install @ductape/adapter-nosuch');
  });

  it('refuses bad connect arguments with typed errors', async () => {
    const db = new DatabaseService({ vars: {} });
    await expect(db.connect(undefined as never)).rejects.toMatchObject({ code: 'DUCTAPE_INVALID_ARGUMENT' });
    await expect(db.connect({ env: '', product: 'p', database: 'd' })).rejects.toMatchObject({ code: 'DUCTAPE_INVALID_ARGUMENT' });
    await expect(db.schema.create('t', { id: 'uuid' })).rejects.toMatchObject({ code: 'DUCTAPE_NOT_CONNECTED' });
  });
});
