// Types of the JavaScript helpers of @ductape/services used by these tests.
declare module '@ductape/services/require-server' {
  /** The server's connection setting, or undefined (with a message) outside CI when it is not running. */
  export function requireServer(name: 'postgres' | 'mysql' | 'mariadb' | 'mongo' | 'dynamo' | 'cassandra'): string | undefined;
}
