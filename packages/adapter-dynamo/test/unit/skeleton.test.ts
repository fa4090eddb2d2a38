import { runSourceStructureChecks } from '@ductape/adapter-testkit';

runSourceStructureChecks({
  name: '@ductape/adapter-dynamo',
  roots: [{ dir: new URL('../../src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|@aws-sdk\/client-dynamodb$)/ }],
});
