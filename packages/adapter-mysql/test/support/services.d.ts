declare module '@ductape/services/require-server' {
  /** The URL of a running test server, or undefined (outside CI) when it is not running. */
  export function requireServer(name: string): string | undefined;
}

declare module '@ductape/services/ensure-built' {
  /** Builds the package at `root` (tsup) when `output` (default dist/index.js) is missing or older than its src. */
  export function ensureBuilt(root: string, output?: string): void;
}

declare module '@ductape/services/galera-nodes' {
  /** The Galera node listening on `port` (from the cluster's run record). */
  export function galeraNodeByPort(port: number): { index: number; port: number; pid?: number };
  /** SIGKILLs node `index`'s mariadbd. */
  export function killGaleraNode(index: number): void;
  /** Starts node `index` again and waits until it is Synced in a cluster of all nodes. */
  export function restartGaleraNode(index: number, options?: { timeoutMs?: number }): Promise<void>;
}
