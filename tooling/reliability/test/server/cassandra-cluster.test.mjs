import { quickSuite } from '../support/quick-suite.mjs';

// The 3-node Cassandra ring (`pnpm services:up cassandra-cluster`): concurrency and crash, runners on every node.
quickSuite('cassandra-cluster');
