// Types of the JavaScript helpers of @ductape/services used by these tests.
declare module '@ductape/services/require-server' {
  /** The server's connection setting, or undefined (with a message) outside CI when it is not running. */
  export function requireServer(name: 'postgres' | 'mysql' | 'mariadb' | 'mongo' | 'dynamo' | 'cassandra'): string | undefined;
}

declare module '@ductape/services/load-env' {
  /** Loads .services.env into process.env (never overriding a variable already set). */
  export function loadServicesEnv(): void;
}

declare module '@ductape/services/cassandra-ring-nodes' {
  /** The ring's nodes from its run record. */
  export function ringNodes(): { index: number; host?: string; port: number; pid?: number }[];
  /** SIGSTOP of node `index`'s JVM. */
  export function pauseRingNode(index: number): void;
  /** SIGCONT of node `index`'s JVM. */
  export function resumeRingNode(index: number): void;
  /** SIGKILL of node `index`'s JVM (a crash). */
  export function killRingNode(index: number): void;
  /** Whether node `index`'s recorded process is alive. */
  export function isRingNodeAlive(index: number): boolean;
  /** Starts node `index` again on its data when its process is gone and waits until the ring is complete. */
  export function restartRingNode(index: number, options?: { timeoutMs?: number }): Promise<{ restarted: boolean; ms: number }>;
}
