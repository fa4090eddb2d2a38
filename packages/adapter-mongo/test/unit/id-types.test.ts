import { Binary, Decimal128, Double, Int32, Long, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { idBracket } from '../../src/data/id-types.js';

describe('idBracket: the comparison bracket of an _id as the driver reads it', () => {
  it('puts every numeric BSON type in one bracket, and each other type in its own', () => {
    expect([5, 5n, Long.fromBigInt(9007199254740993n), new Int32(1), new Double(1.5), Decimal128.fromString('0.1')].map(idBracket)).toEqual(Array(6).fill('number'));
    expect(idBracket('a')).toBe('string');
    expect(idBracket(new Date(0))).toBe('date');
    expect(idBracket(new ObjectId())).toBe('ObjectId');
    expect(idBracket(new Binary(Buffer.from([1])))).toBe('binData');
    expect(idBracket(Buffer.from([1]))).toBe('binData');
    expect(idBracket({ a: 1 })).toBe('object');
    expect(idBracket(true)).toBe('bool');
  });
});
