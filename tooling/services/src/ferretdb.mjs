// FerretDB v1 (MongoDB wire protocol over SQLite), built once with the Go toolchain from
// its Go module and cached; the MongoDB tests run against it.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths.mjs';
import { isMongoReply, mongoPingMessage, tcpProbe } from './health.mjs';
import { startDetached } from './processes.mjs';
import { captureCommand, runCommand } from './run-command.mjs';

const version = process.env.DUCTAPE_FERRETDB_VERSION ?? 'v1.24.2';
const modulePath = 'github.com/FerretDB/FerretDB';

function installDir() {
  return join(cacheDir(), 'ferretdb', version);
}

function binary() {
  return join(installDir(), 'bin', 'ferretdb');
}

/** @type {import('./service.mjs').NativeService} */
export const ferretdb = {
  name: 'mongo',
  defaultPort: 27017,
  timeoutMs: 60_000,
  async install({ logFile }) {
    if (existsSync(binary())) return;
    await captureCommand('go', ['version']).catch(() => {
      throw new Error('the Go toolchain (`go`) is needed to build FerretDB and was not found on PATH');
    });
    const info = JSON.parse(await captureCommand('go', ['mod', 'download', '-json', `${modulePath}@${version}`]));
    const src = join(installDir(), 'src');
    rmSync(src, { recursive: true, force: true });
    mkdirSync(installDir(), { recursive: true });
    cpSync(info.Dir, src, { recursive: true });
    await runCommand('chmod', ['-R', 'u+w', src], { logFile });
    // The build embeds build/version/version.txt (normally written by their task runner).
    writeFileSync(join(src, 'build', 'version', 'version.txt'), `${version}\n`);
    const tmp = `${binary()}.tmp`;
    mkdirSync(join(installDir(), 'bin'), { recursive: true });
    await runCommand('go', ['build', '-trimpath', '-o', tmp, './cmd/ferretdb'], {
      logFile,
      cwd: src,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: `${process.env.GOFLAGS ?? ''} -buildvcs=false`.trim() },
    });
    renameSync(tmp, binary());
    rmSync(src, { recursive: true, force: true });
  },
  async start({ port, dataDir, logFile }) {
    const data = join(dataDir, 'data');
    mkdirSync(data);
    return {
      stopSignal: 'SIGTERM',
      ...startDetached({
        command: binary(),
        args: ['--handler=sqlite', `--sqlite-url=file:${data}/`, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${dataDir}`, '--telemetry=disable', '--debug-addr=-', '--log-level=warn'],
        logFile,
        env: { ...process.env, DO_NOT_TRACK: '1' },
      }),
    };
  },
  probe(port) {
    return tcpProbe(port, { send: mongoPingMessage, accept: isMongoReply });
  },
  env(port) {
    return { DUCTAPE_TEST_MONGO_URL: `mongodb://127.0.0.1:${port}/ductape` };
  },
};
