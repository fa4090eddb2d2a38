import { MemoryAdapter, MemoryDatabase } from '@ductape/core/testing';
import { runAdapterConformance } from '../src/index.js';

// The kit proves itself on core's in-memory reference adapter (lease lock, no transactional DDL).
runAdapterConformance('memory', () => {
  const database = new MemoryDatabase();
  return { newAdapter: () => new MemoryAdapter({ database }), lockRelease: 'lease' };
});

runAdapterConformance('memory (transactional DDL)', () => {
  const database = new MemoryDatabase();
  return { newAdapter: () => new MemoryAdapter({ database, transactionalDdl: true }), lockRelease: 'lease' };
});
