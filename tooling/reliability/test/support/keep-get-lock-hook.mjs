// A repro, not a test: preloaded with `NODE_OPTIONS=--import <this file>`, every MySQL-family
// adapter of the process keeps GET_LOCK on a Galera cluster (its `useCluster` does nothing), as
// before issue 23. `pnpm reliability galera --quick` must then fail (duplicates > 0).
import { MariadbAdapter } from '@ductape/adapter-mariadb';

const adapter = new MariadbAdapter({ connection: 'mariadb://demo@127.0.0.1:1/demo' });
Object.getPrototypeOf(adapter.lock).useCluster = () => undefined;
