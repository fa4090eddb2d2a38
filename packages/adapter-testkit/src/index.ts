export { runAdapterConformance } from './run-adapter-conformance.js';
export type { ConformanceTarget, RawSample } from './conformance-target.js';
export { expectedApplied } from './support/expected-applied.js';
export { comparable } from './support/fixtures.js';
