import { describe, expect, it } from 'vitest';
import { formatEnvFile, parseEnvFile } from '../../src/env-file.mjs';

describe('env file', () => {
  it('round-trips sorted KEY=value lines with a comment header', () => {
    const text = formatEnvFile({ B: '2', A: 'postgres://postgres@127.0.0.1:5432/postgres' }, 'header');
    expect(text).toBe('# header\nA=postgres://postgres@127.0.0.1:5432/postgres\nB=2\n');
    expect(parseEnvFile(text)).toEqual({ A: 'postgres://postgres@127.0.0.1:5432/postgres', B: '2' });
  });

  it('ignores comments, blank and malformed lines and keeps = inside values', () => {
    expect(parseEnvFile('# c\n\n  X = a=b \nnot a line\n1BAD=x\r\nY=\n')).toEqual({ X: 'a=b', Y: '' });
  });
});
