/** Test helpers: the in-memory adapter. Import from `@ductape/core/testing`. */
export { MemoryAdapter, type MemoryAdapterOptions } from './testing/memory-adapter.js';
export { MemoryDatabase } from './testing/memory-database.js';
export { createAdapter } from './testing/memory-factory.js';
