declare module '@ductape/services/ensure-built' {
  /** Builds the package at `root` (tsup) when `output` (default dist/index.js) is missing or older than its src. */
  export function ensureBuilt(root: string, output?: string): void;
}
