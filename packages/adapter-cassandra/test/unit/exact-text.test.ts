import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { decimalText, decimalValue, inetText } from '../../src/data/exact-text.js';

// Key values travel as text (the progress row, the evaluator's plain values): the text must read
// back as the same bytes, or a key names another row.
describe('exact text of decimal and inet values', () => {
  it('a decimal keeps its value and its scale, a negative scale as an exponent', () => {
    const cases: [string, string, number][] = [
      ['1E+3', '1E+3', -3],
      ['1e3', '1E+3', -3],
      ['-7E+1', '-7E+1', -1],
      ['1.10', '1.10', 2],
      ['1.1', '1.1', 1],
      ['0.001', '0.001', 3],
      ['-0.5', '-0.5', 1],
      ['1.5e-7', '0.00000015', 8],
      ['12345678901234567890.123456789', '12345678901234567890.123456789', 9],
      ['-128', '-128', 0],
      ['255', '255', 0],
      ['0', '0', 0],
    ];
    for (const [input, text, scale] of cases) {
      const d = decimalValue(input);
      expect(decimalText(d), input).toBe(text);
      expect(types.BigDecimal.toBuffer(d).readInt32BE(0), input).toBe(scale);
      expect(types.BigDecimal.toBuffer(decimalValue(decimalText(d))), input).toEqual(types.BigDecimal.toBuffer(d));
    }
    // What the driver prints for 1E+3 reads back as 1.
    expect(types.BigDecimal.fromString(new types.BigDecimal(1, -3).toString()).toNumber()).toBe(1);
    expect(() => decimalValue('1.2.3')).toThrow(TypeError);
  });

  it('an address reads back as the same bytes, where the driver prints some IPv6 addresses as others', () => {
    expect(inetText(types.InetAddress.fromString('0:0:6edb:0:a652:0:15c8:0'))).toBe('::6edb:0:a652:0:15c8:0');
    expect(types.InetAddress.fromString('0:0:6edb:0:a652:0:15c8:0').toString()).toBe('0:0:6edb::15c8:0'); // the driver's, another address
    expect(inetText(types.InetAddress.fromString('1:0:0:2:0:0:0:3'))).toBe('1:0:0:2::3');
    expect(inetText(types.InetAddress.fromString('10.0.0.1'))).toBe('10.0.0.1');
    expect(inetText(types.InetAddress.fromString('::1'))).toBe('::1');
    expect(inetText(types.InetAddress.fromString('1:2:3:4:5:6:0:8'))).toBe('1:2:3:4:5:6:0:8');
    // Every 16-byte address with zero groups in each position (2^8 patterns of zero / non-zero groups).
    for (let mask = 0; mask < 256; mask++) {
      const b = Buffer.alloc(16);
      for (let g = 0; g < 8; g++) if (mask & (1 << g)) b.writeUInt16BE(0x1000 + g, g * 2);
      expect(types.InetAddress.fromString(inetText(new types.InetAddress(b))).getBuffer(), b.toString('hex')).toEqual(b);
    }
  });
});
