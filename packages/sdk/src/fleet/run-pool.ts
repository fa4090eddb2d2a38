/**
 * Runs `work` over `items` in order with at most `concurrency` at once; once `stop()` is true no
 * further item starts (those running finish). Returns the items never started.
 * @example const notStarted = await runPool(targets, 4, (t) => migrate(t), () => failures >= max);
 */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>, stop: () => boolean): Promise<T[]> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return items.slice(next);
}
