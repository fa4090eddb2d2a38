import { quickSuite } from '../support/quick-suite.mjs';

// The 3-node Galera cluster (`pnpm services:up galera`): concurrency and crash, runners on every node.
quickSuite('galera');
