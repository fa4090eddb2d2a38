import { describe, expect, it } from 'vitest';
import { MigrationHelpers, canonicalJson, checksum, generateTag, migration } from '../src/index.js';

// Golden vectors: the canonical string and its sha256 were cross-checked with Python's hashlib.
const CANONICAL =
  '{"down":[{"name":"users","type":"dropCollection"}],"name":"create_users","up":[{"fields":[{"name":"id","primaryKey":true,"type":"uuid"},{"length":255,"name":"email","type":"string","unique":true}],"name":"users","type":"createCollection"}]}';
const SHA = 'd573bcdc29bae6d539ff7e690152495ad7ca69ea117798d38a7459f88e447387';

function createUsers(at = new Date('2024-01-15T14:30:52Z')) {
  return migration('create_users')
    .at(at)
    .createCollection('users', [
      { name: 'id', type: 'uuid', primaryKey: true },
      { name: 'email', type: 'string', length: 255, unique: true },
    ])
    .build();
}

describe('generateTag', () => {
  it.each([
    ['2024-01-15T14:30:52Z', 'create_users', '20240115_143052_create_users'],
    ['1999-12-31T23:59:59Z', 'y2k', '19991231_235959_y2k'],
    ['2024-02-29T00:00:00.999Z', 'leap-day', '20240229_000000_leap-day'],
    // Always UTC: an offset in the input does not leak into the tag.
    ['2024-01-15T23:30:52+05:00', 'x', '20240115_183052_x'],
  ])('%s %s → %s', (iso, name, tag) => {
    expect(generateTag(name, new Date(iso))).toBe(tag);
    expect(MigrationHelpers.generateTag(name, new Date(iso))).toBe(tag);
  });

  it('defaults to now', () => {
    const before = generateTag('n', new Date(Date.now() - 1000));
    const tag = MigrationHelpers.generateTag('n');
    expect(tag >= before).toBe(true);
    expect(tag).toMatch(/^\d{8}_\d{6}_n$/);
  });
});

describe('checksum', () => {
  it('matches the golden vector', () => {
    const m = createUsers();
    expect(canonicalJson({ name: m.name, up: m.up, down: m.down })).toBe(CANONICAL);
    expect(MigrationHelpers.checksum(m)).toBe(SHA);
  });

  it('does not depend on the tag or on key order', () => {
    const later = createUsers(new Date('2030-06-01T00:00:00Z'));
    expect(later.tag).not.toBe(createUsers().tag);
    expect(checksum(later)).toBe(SHA);
    const reordered = JSON.parse(
      '{"down":[{"type":"dropCollection","name":"users"}],"up":[{"name":"users","fields":[{"type":"uuid","primaryKey":true,"name":"id"},{"unique":true,"type":"string","name":"email","length":255}],"type":"createCollection"}],"tag":"x","name":"create_users"}',
    );
    expect(checksum(reordered)).toBe(SHA);
  });

  it('changes when any operation changes', () => {
    const m = createUsers();
    const changed = { ...m, up: [{ ...m.up[0], name: 'people' }] } as typeof m;
    expect(checksum(changed)).not.toBe(SHA);
  });

  it('writes non-ASCII as UTF-8 without escapes', () => {
    expect(canonicalJson({ b: 1, a: 'é' })).toBe('{"a":"é","b":1}');
  });
});
