declare module '@ductape/services/require-server' {
  /** The URL of a running test server, or undefined (outside CI) when it is not running. */
  export function requireServer(name: string): string | undefined;
}

declare module '@ductape/services/ensure-built' {
  /** Builds the package at `root` (tsup) when `output` (default dist/index.js) is missing or older than its src. */
  export function ensureBuilt(root: string, output?: string): void;
}

declare module '@ductape/services/temp-dir' {
  /** A fresh directory under the system's temp directory, removed when this process exits. */
  export function tempDir(prefix: string): string;
  /** Removes every directory tempDir made in this process so far. */
  export function removeTempDirs(): void;
}
