import { runAdapterSkeletonChecks } from '@ductape/adapter-testkit';

runAdapterSkeletonChecks({
  name: '@ductape/adapter-mongo',
  db: 'mongo',
  src: new URL('../../src', import.meta.url),
  structure: {
    name: '@ductape/adapter-mongo',
    roots: [{ dir: new URL('../../src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|mongodb$)/ }],
    pure: { files: /^(compile|mongo-compiler\.ts$|mongo-compile-settings\.ts$)/, forbidden: /from '(node:|\.\.\/(execute|mongo-driver))/, why: 'compile must stay free of IO' },
  },
});
