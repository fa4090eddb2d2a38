/**
 * Greedy shrinking of a failing history: drop whole migrations, then single ops, then the row
 * writes, keeping each cut while the history still fails with the same kind of failure. Bounded
 * by time. Every sub-list of choices is a valid history (see interpret), so each try is real.
 * @example const small = await shrinkHistory(history, (h) => stillFails(h), 120_000);
 * @param {{ migrations: any[] }} history
 * @param {(h: { migrations: any[] }) => Promise<boolean>} fails
 * @param {number} budgetMs
 */
export async function shrinkHistory(history, fails, budgetMs) {
  const deadline = Date.now() + budgetMs;
  let best = structuredClone(history);
  let tries = 0;
  const attempt = async (candidate) => {
    if (Date.now() > deadline) return false;
    tries++;
    if (await fails(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };
  // Halves first (fast on long histories), then one migration at a time from the end.
  for (let size = Math.floor(best.migrations.length / 2); size >= 1 && Date.now() < deadline; size = Math.floor(size / 2)) {
    for (let i = best.migrations.length - size; i >= 0 && Date.now() < deadline; i -= size) {
      const c = { migrations: [...best.migrations.slice(0, i), ...best.migrations.slice(i + size)] };
      if (c.migrations.length > 0) await attempt(c);
      if (i > best.migrations.length - size) i = best.migrations.length;
    }
  }
  for (let i = 0; i < best.migrations.length && Date.now() < deadline; i++) {
    for (let j = best.migrations[i].ops.length - 1; j >= 0 && best.migrations[i].ops.length > 1 && Date.now() < deadline; j--) {
      const c = structuredClone(best);
      c.migrations[i].ops.splice(j, 1);
      await attempt(c);
    }
    if (best.migrations[i].write !== 0) {
      const c = structuredClone(best);
      c.migrations[i].write = 0;
      await attempt(c);
    }
    if (best.migrations[i].via !== 0) {
      const c = structuredClone(best);
      c.migrations[i].via = 0;
      await attempt(c);
    }
  }
  return { history: best, tries, timedOut: Date.now() > deadline };
}
