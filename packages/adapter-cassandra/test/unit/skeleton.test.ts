import { runAdapterSkeletonChecks } from '@ductape/adapter-testkit';

runAdapterSkeletonChecks({
  name: '@ductape/adapter-cassandra',
  db: 'cassandra',
  src: new URL('../../src', import.meta.url),
  structure: {
    name: '@ductape/adapter-cassandra',
    roots: [{ dir: new URL('../../src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|cassandra-driver$)/ }],
    // cassandra-lock.ts and data/update-rows.ts are a little over 200 lines today.
    maxLines: 250,
    pure: {
      files: /^(compile\/|cassandra-compiler\.ts$|cassandra-compile-settings\.ts$)/,
      forbidden: /from '(node:(?!crypto')|cassandra-driver'|\.\.\/cassandra-driver)/,
      why: 'compile must stay free of IO',
    },
  },
});
