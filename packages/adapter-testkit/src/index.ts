export { runAdapterConformance } from './run-adapter-conformance.js';
export { runSourceStructureChecks } from './run-source-structure-checks.js';
export { runAdapterSkeletonChecks } from './run-adapter-skeleton-checks.js';
export { skeletonFiles, skeletonProblems, thinSkeletonFiles, thinSkeletonProblems } from './skeleton/skeleton-problems.js';
export type { AdapterSkeletonOptions } from './skeleton/adapter-skeleton-options.js';
export type { SourceRoot, SourceStructureOptions } from './structure/source-structure-options.js';
export type { ConformanceTarget, RawSample } from './conformance-target.js';
export { expectedApplied } from './support/expected-applied.js';
export { comparable } from './support/fixtures.js';
