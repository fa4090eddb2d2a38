import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MissingServerError, requireServer } from '../../src/require-server.mjs';

describe('requireServer', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.DUCTAPE_SERVICES_ENV_FILE = '/nonexistent/.services.env';
    for (const key of Object.keys(process.env)) if (key.startsWith('DUCTAPE_TEST_')) delete process.env[key];
  });
  afterEach(() => {
    process.env = { ...saved };
    vi.restoreAllMocks();
  });

  it('returns the setting when it is set', () => {
    process.env.DUCTAPE_TEST_POSTGRES_URL = 'postgres://x@127.0.0.1:1/db';
    expect(requireServer('postgres')).toBe('postgres://x@127.0.0.1:1/db');
  });

  it('skips with a message naming the command outside CI', () => {
    delete process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(requireServer('postgres')).toBeUndefined();
    expect(warn.mock.calls[0]?.[0]).toContain('pnpm services:up postgres');
  });

  it('fails under CI=true', () => {
    process.env.CI = 'true';
    expect(() => requireServer('mysql')).toThrow(MissingServerError);
    expect(() => requireServer('mysql')).toThrow(/pnpm services:up mariadb/);
  });
});
