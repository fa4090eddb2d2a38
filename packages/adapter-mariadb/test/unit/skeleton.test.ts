import { runAdapterSkeletonChecks } from '@ductape/adapter-testkit';

// A thin package over the MySQL family: its adapter, createAdapter and compiler entry are its own;
// capabilities, compile settings, one compiler per operation, introspection, history, lock, session
// and data updates are @ductape/adapter-mysql's (its source structure is checked there too).
runAdapterSkeletonChecks({
  name: '@ductape/adapter-mariadb',
  db: 'mariadb',
  src: new URL('../../src', import.meta.url),
  delegatesTo: { src: new URL('../../../adapter-mysql/src', import.meta.url), db: 'mysql' },
});
