// Health checks: wait for a probe with a timeout, bail out early when the server died.
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls probe() until it returns true. Rejects on timeout, or as soon as `exited`
 * resolves (the server process ended before it became healthy).
 *
 * @param {() => Promise<boolean>} probe
 * @param {{ timeoutMs: number, intervalMs?: number, exited?: Promise<string> }} options
 */
export async function waitUntilHealthy(probe, { timeoutMs, intervalMs = 250, exited }) {
  /** @type {string | undefined} */
  let died;
  exited?.then((reason) => (died = reason));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (died !== undefined) throw new Error(`the process ${died} before answering`);
    if (await probe().catch(() => false)) return;
    await sleep(intervalMs);
  }
  if (died !== undefined) throw new Error(`the process ${died} before answering`);
  throw new Error(`no healthy answer within ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * Connects to host:port; optionally writes `send` and waits for a reply that `accept`s.
 * Resolves false on any error or after timeoutMs.
 *
 * @param {number} port
 * @param {{ host?: string, send?: Buffer, accept?: (data: Buffer) => boolean, timeoutMs?: number }} [options]
 * @returns {Promise<boolean>}
 */
export function tcpProbe(port, { host = '127.0.0.1', send, accept, timeoutMs = 2000 } = {}) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (/** @type {boolean} */ ok) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false)); // closed before an accepted answer (no-op after finish)
    socket.once('connect', () => {
      if (send) socket.write(send);
      if (!accept) finish(true);
    });
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (accept?.(data)) finish(true);
    });
  });
}

/** True when something already listens on 127.0.0.1:port. @param {number} port */
export function portInUse(port) {
  return tcpProbe(port, { timeoutMs: 1000 });
}

/**
 * The CQL OPTIONS request (protocol v4, stream 1); Cassandra answers SUPPORTED (opcode 6)
 * once its native transport is up, which is the last step of its startup.
 */
export const cqlOptionsFrame = Buffer.from([0x04, 0, 0, 1, 0x05, 0, 0, 0, 0]);

/** @param {Buffer} data */
export function isCqlSupported(data) {
  return data.length >= 9 && (data[0] ?? 0) >= 0x84 && data[4] === 0x06;
}

/**
 * MySQL/MariaDB send a handshake packet first: 3-byte length, sequence 0, then protocol
 * version 10 (0xff would be an error packet such as "host not allowed").
 * @param {Buffer} data
 */
export function isMysqlHandshake(data) {
  return data.length >= 5 && data[3] === 0 && data[4] === 10;
}

/** A MongoDB OP_MSG `{ ping: 1, $db: 'admin' }`; the reply is another OP_MSG (opCode 2013). */
export const mongoPingMessage = (() => {
  const cstring = (/** @type {string} */ s) => Buffer.from(`${s}\0`, 'utf8');
  const int32 = (/** @type {number} */ n) => {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    return b;
  };
  const elements = Buffer.concat([Buffer.from([0x10]), cstring('ping'), int32(1), Buffer.from([0x02]), cstring('$db'), int32(6), cstring('admin')]);
  const doc = Buffer.concat([int32(elements.length + 5), elements, Buffer.from([0])]);
  const body = Buffer.concat([int32(0), Buffer.from([0]), doc]); // flagBits, section kind 0
  return Buffer.concat([int32(16 + body.length), int32(1), int32(0), int32(2013), body]);
})();

/** @param {Buffer} data */
export function isMongoReply(data) {
  return data.length >= 16 && data.readInt32LE(12) === 2013 && data.readInt32LE(8) === 1;
}
