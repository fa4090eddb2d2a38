import { type Adapter, type AdapterFactory, type AdapterTarget, DuctapeError, ErrorCodes } from '@ductape/core';
import { AdapterNotInstalledError } from '../errors.js';
import { resolveFromProject } from './resolve-from-project.js';

/**
 * Imports an adapter package by name — from the sdk's own dependencies, else from the user's
 * project (`cwd` upward) — and calls its `createAdapter` export. A missing package says what to install.
 * @example const adapter = await loadAdapter('@ductape/adapter-postgres', target, process.cwd());
 */
export async function loadAdapter(packageName: string, target: AdapterTarget, cwd: string): Promise<Adapter> {
  const mod = (await importPackage(packageName, cwd)) as { createAdapter?: AdapterFactory };
  if (typeof mod.createAdapter !== 'function') {
    throw new DuctapeError(ErrorCodes.configuration, `"${packageName}" is not a Ductape adapter (it has no createAdapter export)`, 'check the adapter name in ductape.config.*');
  }
  return mod.createAdapter(target);
}

/**
 * Imports an adapter package by name (the sdk's dependencies, else the project's), for its other
 * exports (e.g. `createConnectionPool`).
 * @example const mod = await importPackage('@ductape/adapter-postgres', process.cwd());
 */
export async function importPackage(name: string, cwd: string): Promise<unknown> {
  try {
    return await import(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const url = resolveFromProject(name, cwd);
    if (!url) throw new AdapterNotInstalledError(name, error);
    return import(url);
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
}
