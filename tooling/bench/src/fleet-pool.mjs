// A bounded-concurrency map for the fleet benchmark's loops and checks.

/**
 * Runs `work` over `items` in order, at most `limit` at a time; answers the results in item order.
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => Promise<R>} work
 * @returns {Promise<R[]>}
 * @example await eachAtOnce(tenants, 4, (t) => migrate(t))
 */
export async function eachAtOnce(items, limit, work) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
