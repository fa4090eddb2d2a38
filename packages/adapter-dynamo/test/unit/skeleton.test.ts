import { runAdapterSkeletonChecks } from '@ductape/adapter-testkit';

runAdapterSkeletonChecks({
  name: '@ductape/adapter-dynamo',
  db: 'dynamo',
  src: new URL('../../src', import.meta.url),
  structure: {
    name: '@ductape/adapter-dynamo',
    roots: [{ dir: new URL('../../src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|@aws-sdk\/client-dynamodb$)/ }],
  },
});
