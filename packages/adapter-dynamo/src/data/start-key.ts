type KeyAttribute = { readonly S?: string; readonly N?: string; readonly B?: Uint8Array };

/**
 * A Scan position (LastEvaluatedKey) as JSON that reads back exactly: key attributes are S or N
 * (text, kept as is: a number key at any size or precision) or B (bytes, kept as base64; JSON
 * would write a Uint8Array as an object of indexes, which reads back as no bytes at all).
 * @example encodeStartKey({ id: { B: Uint8Array.from([1, 2]) } }) // '{"id":{"B64":"AQI="}}'
 */
export function encodeStartKey(key: { readonly [attribute: string]: unknown }): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(key).map(([name, value]) => {
        const v = value as KeyAttribute;
        return [name, v.B !== undefined ? { B64: Buffer.from(v.B).toString('base64') } : v];
      }),
    ),
  );
}

/**
 * The inverse of encodeStartKey. A binary key saved by an earlier version (an object of indexes)
 * reads back as its bytes too.
 * @example decodeStartKey('{"id":{"B64":"AQI="}}') // { id: { B: Uint8Array [1, 2] } }
 */
export function decodeStartKey(text: string): { [attribute: string]: unknown } {
  const saved = JSON.parse(text) as { [attribute: string]: { B64?: string; B?: { [index: string]: number } } };
  return Object.fromEntries(
    Object.entries(saved).map(([name, v]) => {
      if (typeof v.B64 === 'string') return [name, { B: new Uint8Array(Buffer.from(v.B64, 'base64')) }];
      if (v.B !== undefined && typeof v.B === 'object')
        return [
          name,
          {
            B: Uint8Array.from(
              Object.keys(v.B)
                .sort((a, b) => Number(a) - Number(b))
                .map((i) => v.B?.[i] ?? 0),
            ),
          },
        ];
      return [name, v];
    }),
  );
}
