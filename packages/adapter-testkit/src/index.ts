export { runAdapterConformance } from './run-adapter-conformance.js';
export { runSourceStructureChecks } from './run-source-structure-checks.js';
export type { SourceRoot, SourceStructureOptions } from './structure/source-structure-options.js';
export type { ConformanceTarget, RawSample } from './conformance-target.js';
export { expectedApplied } from './support/expected-applied.js';
export { comparable } from './support/fixtures.js';
