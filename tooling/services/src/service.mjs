// The shape every natively started server implements (types only).

/**
 * @typedef {object} StartContext
 * @property {number} port
 * @property {string} dataDir temporary directory owned by this run
 * @property {string} logFile
 */

/**
 * @typedef {object} StartedProcess
 * @property {number | undefined} pid
 * @property {string | undefined} startTime
 * @property {Promise<string>} exited resolves with a reason if the process ends
 * @property {NodeJS.Signals} stopSignal
 */

/**
 * @typedef {object} NativeService
 * @property {string} name the name used on the command line and in state files
 * @property {number} defaultPort
 * @property {number} timeoutMs how long the health check waits after starting
 * @property {(ctx: { logFile: string }) => Promise<void>} install idempotent, cached
 * @property {(ctx: StartContext) => Promise<StartedProcess>} start
 * @property {(port: number) => Promise<boolean>} probe
 * @property {(ctx: StartContext) => Promise<void>} [afterStart]
 * @property {(port: number) => Record<string, string>} env
 */

export {};
