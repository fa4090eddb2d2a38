import { runAdapterSkeletonChecks } from '@ductape/adapter-testkit';

runAdapterSkeletonChecks({
  name: '@ductape/adapter-postgres',
  db: 'postgres',
  src: new URL('../../src', import.meta.url),
  structure: {
    name: '@ductape/adapter-postgres',
    roots: [{ dir: new URL('../../src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|pg$|@electric-sql\/pglite$)/ }],
    // postgres-adapter.ts and postgres-introspector.ts are a little over 200 lines today.
    maxLines: 250,
    pure: { files: /^(compile\/|postgres-compiler\.ts$|postgres-compile-settings\.ts$)/, forbidden: /from '(node:(?!crypto')|pg'|\.\.\/(execute|drivers?)\/)/, why: 'compile must stay free of IO' },
  },
});
