import { type Capabilities, baseCapabilities } from '@ductape/core';
import { CASSANDRA_RAW_DIALECTS } from './cassandra-compiler.js';

/**
 * What Cassandra can do. No transactional DDL (the engine records progress per step).
 * renameField is true because Cassandra renames primary key columns (others are refused in
 * compile); modifyField is true for changes that keep the CQL type (others are refused).
 * SAI index builds do not block writes. Static columns, vector indexes (SAI with a similarity
 * function), user-defined types and table options on an existing table (alterCollectionOptions' cassandraOptions).
 */
export const CASSANDRA_CAPABILITIES: Capabilities = {
  ...baseCapabilities(),
  renameField: true,
  modifyField: true,
  dropField: true,
  concurrentIndex: true,
  staticColumns: true,
  vectorIndexes: true,
  userTypes: true,
  optionChanges: ['cassandraOptions'],
  rawDialects: CASSANDRA_RAW_DIALECTS,
};
