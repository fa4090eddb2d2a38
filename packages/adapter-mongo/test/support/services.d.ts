// Types for the plain-JS test helper of tooling/services.
declare module '@ductape/services/require-server' {
  /** The server's URL from .services.env, or undefined (skip) outside CI; throws under CI=true. */
  export function requireServer(name: 'postgres' | 'mariadb' | 'mysql' | 'mongo' | 'dynamo' | 'cassandra'): string | undefined;
}
