import { describe, expect, it } from 'vitest';
import { decodeStartKey, encodeStartKey } from '../../src/data/start-key.js';

describe('the Scan position kept in the progress item', () => {
  it('reads back exactly: binary keys as their bytes, number keys as their text', () => {
    const key = { id: { B: Uint8Array.from([0, 255, 7]) }, at: { N: '9007199254740993.10000000000000000000000000000000000001' }, s: { S: 'x' } };
    expect(decodeStartKey(encodeStartKey(key))).toEqual(key);
    // What JSON.stringify alone did: the bytes became an object of indexes.
    expect(JSON.parse(JSON.stringify(key)).id.B).toEqual({ '0': 0, '1': 255, '2': 7 });
  });

  it('reads a binary key saved as an object of indexes (by an earlier version) as its bytes', () => {
    expect(decodeStartKey('{"id":{"B":{"0":1,"1":2,"10":3,"2":4,"3":0,"4":0,"5":0,"6":0,"7":0,"8":0,"9":0}}}')).toEqual({ id: { B: Uint8Array.from([1, 2, 4, 0, 0, 0, 0, 0, 0, 0, 3]) } });
  });
});
