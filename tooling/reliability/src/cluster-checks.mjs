/**
 * Compares the schema every node of a cluster target holds, each node's own catalog read
 * directly (`ns.nodeCatalogs()`, after `ns.settle()` where the cluster has one). Resolves
 * undefined for a single-server target.
 * @example const check = await nodeSchemaCheck(ns); // { equal: true, nodes: 3, differing: [], detail: '' }
 * @param {{ nodeCatalogs?: () => Promise<string[]>, settle?: () => Promise<void>, nodeNames?: string[] }} ns
 */
export async function nodeSchemaCheck(ns) {
  if (!ns.nodeCatalogs) return undefined;
  await ns.settle?.();
  const catalogs = await ns.nodeCatalogs();
  const first = catalogs[0] ?? '';
  const differing = catalogs.flatMap((c, i) => (c === first ? [] : [{ node: ns.nodeNames?.[i] ?? `node ${i + 1}`, at: firstDifference(first, c) }]));
  return {
    equal: differing.length === 0,
    nodes: catalogs.length,
    differing: differing.map((d) => d.node),
    detail: differing.map((d) => `${d.node} differs from ${ns.nodeNames?.[0] ?? 'node 1'} ${d.at}`).join('; '),
  };
}

/**
 * How many applications there were beyond one per migration, from the names of every
 * application (each runner's applied and resumed migrations).
 * @example duplicateApplications(['a', 'b', 'a', 'a']) // 2
 * @param {readonly string[]} names
 */
export function duplicateApplications(names) {
  const counts = new Map();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let extra = 0;
  for (const c of counts.values()) extra += Math.max(0, c - 1);
  return extra;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at …${a.slice(Math.max(0, i - 60), i + 100)}… vs …${b.slice(Math.max(0, i - 60), i + 100)}…`;
}
