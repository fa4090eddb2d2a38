declare module '@ductape/services/require-server' {
  /** The URL of a running test server, or undefined (outside CI) when it is not running. */
  export function requireServer(name: string): string | undefined;
}
