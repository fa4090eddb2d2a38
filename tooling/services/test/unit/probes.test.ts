import { describe, expect, it } from 'vitest';
import { isCqlSupported, isMongoReply, isMysqlHandshake, mongoPingMessage } from '../../src/health.mjs';
import { resolveNames } from '../../src/registry.mjs';

describe('health probes', () => {
  it('recognises a CQL SUPPORTED response and a MySQL handshake', () => {
    expect(isCqlSupported(Buffer.from([0x84, 0, 0, 1, 0x06, 0, 0, 0, 2, 0, 0]))).toBe(true);
    expect(isCqlSupported(Buffer.from([0x84, 0, 0, 1, 0x00, 0, 0, 0, 2]))).toBe(false);
    expect(isMysqlHandshake(Buffer.from([0x4a, 0, 0, 0, 10, 0x31]))).toBe(true);
    expect(isMysqlHandshake(Buffer.from([0x4a, 0, 0, 0, 0xff, 0x31]))).toBe(false);
  });

  it('builds a well-formed OP_MSG ping and recognises its reply', () => {
    expect(mongoPingMessage.readInt32LE(0)).toBe(mongoPingMessage.length);
    expect(mongoPingMessage.readInt32LE(12)).toBe(2013);
    const bson = mongoPingMessage.subarray(21);
    expect(bson.readInt32LE(0)).toBe(bson.length);
    const reply = Buffer.alloc(16);
    reply.writeInt32LE(16, 0);
    reply.writeInt32LE(1, 8);
    reply.writeInt32LE(2013, 12);
    expect(isMongoReply(reply)).toBe(true);
    expect(isMongoReply(Buffer.alloc(16))).toBe(false);
  });
});

describe('server names', () => {
  it('defaults to all and resolves aliases without duplicates', () => {
    expect(resolveNames([])).toEqual(['postgres', 'mariadb', 'mongo', 'dynamo', 'cassandra']);
    expect(resolveNames(['galera', 'mysql'])).toEqual(['galera', 'mariadb']);
    expect(resolveNames(['mysql', 'mariadb', 'ferretdb'])).toEqual(['mariadb', 'mongo']);
    expect(() => resolveNames(['oracle'])).toThrow(/unknown server "oracle"/);
  });
});
