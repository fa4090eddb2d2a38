/** Where the adapters say what a user should know (a table copy, a retry). */
export interface MysqlLogger {
  warn(message: string): void;
}

/** The default: one line on stderr, prefixed. */
export const consoleLogger: MysqlLogger = { warn: (message) => console.warn(`[ductape] ${message}`) };

/** A logger that says nothing (`logger: false`). */
export const silentLogger: MysqlLogger = { warn: () => undefined };
