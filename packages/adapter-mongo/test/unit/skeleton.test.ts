import { runSourceStructureChecks } from '@ductape/adapter-testkit';

runSourceStructureChecks({
  name: '@ductape/adapter-mongo',
  roots: [{ dir: new URL('../../src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|mongodb$)/ }],
  pure: { files: /^(compile|mongo-compiler\.ts$)/, forbidden: /from '(node:|\.\.\/(execute|mongo-driver))/, why: 'compile must stay free of IO' },
});
