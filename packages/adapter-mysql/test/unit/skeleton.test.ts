import { runAdapterSkeletonChecks } from '@ductape/adapter-testkit';

// The MySQL family: this package and the MariaDB adapter, which loads its compiler through ./shared.
runAdapterSkeletonChecks({
  name: '@ductape/adapter-mysql',
  db: 'mysql',
  src: new URL('../../src', import.meta.url),
  structure: {
    name: 'MySQL-family',
    roots: [
      { dir: new URL('../../src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|mysql2\/promise$)/ },
      { dir: new URL('../../../adapter-mariadb/src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|@ductape\/adapter-mysql\/shared$|mariadb$)/ },
    ],
    isolated: [{ entry: 'shared.ts', forbidden: /from 'mysql2|import\('mysql2/, why: 'the ./shared entry (what the MariaDB adapter loads) never reaches mysql2' }],
  },
});
