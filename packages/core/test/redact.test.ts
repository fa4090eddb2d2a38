import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../src/errors/redact.js';

describe('redactSecrets keeps SQL and schema text', () => {
  const kept = [
    'UPDATE sessions SET token = $1 WHERE token = $2',
    'UPDATE "public"."sessions" SET "token" = $1 WHERE "token" = $2',
    "UPDATE sessions SET token = 'x' WHERE secret = 'y'",
    'UPDATE users SET password = $1, pwd=$2, passwd=? WHERE id = :id',
    'ALTER TABLE "public"."apiKeys" ADD COLUMN "secret" text',
    'CREATE INDEX idx_tokens_token ON tokens (token)',
    'apiKeys.secret: text',
    '  changed-field         apiKeys.secret: expected text, found string(40)',
    'SELECT key, token, secret FROM api_keys WHERE key = $1',
    'db.tokens.updateMany({ token: { $exists: true } }, { $set: { secret: null } })',
    "Access denied for user 'app'@'10.0.0.1' (using password: YES)",
    '{"field":"secret","kind":"missing-field","expected":"token text"}',
  ];
  for (const text of kept) it(`leaves ${JSON.stringify(text)} unchanged`, () => expect(redactSecrets(text)).toBe(text));
});

describe('redactSecrets removes real secrets', () => {
  const cases: [string, string][] = [
    ['postgres://app:s3cret@db:5432/x', 'postgres://app:***@db:5432/x'],
    ['could not connect (mongodb+srv://u:p%40ss@cluster0.example.net/app)', 'could not connect (mongodb+srv://u:***@cluster0.example.net/app)'],
    ['host=db port=5432 user=app password=s3cret dbname=x', 'host=db port=5432 user=app password=*** dbname=x'],
    ["host=db password='s3 cret' dbname=x", "host=db password='***' dbname=x"],
    ['Server=db;Uid=app;Pwd=s3cret;Database=x', 'Server=db;Uid=app;Pwd=***;Database=x'],
    ['PGPASSWORD=s3cret psql', 'PGPASSWORD=*** psql'],
    ['https://api.example.com/v1?token=abc123&x=1', 'https://api.example.com/v1?token=***&x=1'],
    ['GET /x?a=1&apiKey=abc123', 'GET /x?a=1&apiKey=***'],
    ['{"user":"app","password":"s3cret"}', '{"user":"app","password":"***"}'],
    ['{ "secretAccessKey": "AKIA/abc+def" }', '{ "secretAccessKey": "***" }'],
    ["{ user: 'app', password: 's3cret', host: 'db' }", "{ user: 'app', password: '***', host: 'db' }"],
  ];
  for (const [text, want] of cases) it(`redacts ${JSON.stringify(text)}`, () => expect(redactSecrets(text)).toBe(want));

  it('removes configured secret values wherever they appear', () => {
    expect(redactSecrets('password authentication failed: got hunter22 for app', ['hunter22'])).toBe('password authentication failed: got *** for app');
    expect(redactSecrets('abc hunter22hunter22', ['hunter22', 'hunter22hunter22'])).toBe('abc ***');
  });

  it('ignores configured values too short to be secrets', () => {
    expect(redactSecrets('a table named t', ['t', ''])).toBe('a table named t');
  });

  it('redacts a URL password inside SQL text too (it is a credential wherever it is)', () => {
    expect(redactSecrets("CREATE SERVER s OPTIONS (dsn 'postgres://u:pw@h/db')")).toBe("CREATE SERVER s OPTIONS (dsn 'postgres://u:***@h/db')");
  });
});
