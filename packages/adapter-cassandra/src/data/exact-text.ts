import { types } from 'cassandra-driver';

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A decimal as text that keeps its value and its scale (the driver's toString prints 1E+3, an
 * unscaled 1 with scale -3, as `1.`, which reads back as 1): a negative scale as an exponent.
 * The scale matters: it is part of the value's bytes, so 1.10 and 1.1 are two partitions.
 * @example decimalText(new types.BigDecimal(1, -3)) // '1E+3'
 */
export function decimalText(v: types.BigDecimal): string {
  const buf = types.BigDecimal.toBuffer(v);
  const scale = buf.readInt32BE(0);
  if (scale >= 0) return v.toString();
  return `${twosComplement(buf.subarray(4))}E+${-scale}`;
}

/**
 * The decimal of a text in plain or exponent notation, with the scale the text gives it
 * (`1.10`: scale 2; `1E+3`: scale -3; `1.5e-7`: scale 8). The driver's fromString reads no exponent.
 * @example decimalValue('1E+3') // BigDecimal 1E+3 (unscaled 1, scale -3)
 */
export function decimalValue(text: string): types.BigDecimal {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m || `${m[2]}${m[3] ?? ''}` === '') throw new TypeError(`not a decimal: ${text}`);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  const unscaled = types.Integer.fromString(`${sign}${whole}${fraction}`.replace(/^([+-]?)0+(?=\d)/, '$1') || '0');
  return new types.BigDecimal(unscaled as unknown as number, fraction.length - Number(exponent));
}

/**
 * An IP address as text that reads back as the same bytes: dotted for IPv4, RFC 5952 for IPv6
 * (lower-case, the first longest run of two or more zero groups as `::`). The driver's toString
 * prints some IPv6 addresses with several zero runs as another address (0:0:6edb:0:a652:0:15c8:0
 * as 0:0:6edb::15c8:0).
 * @example inetText(types.InetAddress.fromString('1:0:0:2:0:0:0:3')) // '1:0:0:2::3'
 */
export function inetText(v: types.InetAddress): string {
  const b = v.getBuffer();
  if (b.length === 4) return [...b].join('.');
  const groups = Array.from({ length: b.length / 2 }, (_, i) => b.readUInt16BE(i * 2));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

function twosComplement(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const byte of bytes) n = (n << 8n) | BigInt(byte);
  return bytes.length > 0 && (bytes[0] as number) & 0x80 ? n - (1n << BigInt(bytes.length * 8)) : n;
}
