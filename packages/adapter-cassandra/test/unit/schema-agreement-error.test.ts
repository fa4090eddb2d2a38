import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '@ductape/core';
import { CassandraSchemaAgreementError } from '../../src/cassandra-errors.js';
import { type NodeSchemaVersion, disagreeing } from '../../src/schema-versions.js';

const a = 'aaaaaaaa-0000-3000-8000-000000000000';
const b = 'bbbbbbbb-0000-3000-8000-000000000000';

describe('CassandraSchemaAgreementError', () => {
  const versions: NodeSchemaVersion[] = [
    { node: '127.0.0.2:9042', version: a, source: 'own' },
    { node: '127.0.0.3:9042', version: a, source: 'own' },
    { node: '127.0.0.4:9042', version: b, source: 'gossip', unreachable: 'no answer within 3000 ms (OperationTimedOutError)' },
  ];

  it("picks the nodes whose version differs from the coordinator's (else the most common), and unknown ones", () => {
    expect(disagreeing(versions, a).map((v) => v.node)).toEqual(['127.0.0.4:9042']);
    expect(disagreeing(versions).map((v) => v.node)).toEqual(['127.0.0.4:9042']);
    expect(disagreeing(versions, b).map((v) => v.node)).toEqual(['127.0.0.2:9042', '127.0.0.3:9042']);
    expect(disagreeing([...versions.slice(0, 2), { node: '127.0.0.4:9042', version: undefined, source: 'unknown' }], a).map((v) => v.node)).toEqual(['127.0.0.4:9042']);
  });

  it('names the node that disagrees, its version and how it was read, and the nodes that agree', () => {
    const error = new CassandraSchemaAgreementError(15_000, versions, disagreeing(versions, a));
    expect(error.code).toBe(ErrorCodes.connection);
    expect(error.message).toContain('within 15000 ms');
    expect(error.message).toContain(`127.0.0.4:9042 at ${b} (as last gossiped; no answer within 3000 ms (OperationTimedOutError)) disagrees with 127.0.0.2:9042, 127.0.0.3:9042 at ${a}`);
    expect(error.hint).toMatch(/bring 127\.0\.0\.4:9042 back .* then run up again/);
    expect(error.disagreeing.map((v) => v.node)).toEqual(['127.0.0.4:9042']);
  });
});
