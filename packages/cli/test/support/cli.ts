import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt as buildIfStale } from '@ductape/services/ensure-built';
import { tempDir } from '@ductape/services/temp-dir';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The binary the tests run: this package's build, or another one (`DUCTAPE_CLI_BIN`, e.g. a build of an older commit, to see a test fail there). */
export const BIN = process.env.DUCTAPE_CLI_BIN ?? join(PACKAGE_ROOT, 'dist', 'bin.js');
const SDK = join(PACKAGE_ROOT, '..', 'sdk');

/** The tests run the built binary: build it when dist is missing or older than src. */
export function ensureBuilt(): void {
  buildIfStale(PACKAGE_ROOT, 'dist/bin.js');
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json<T = Record<string, unknown>>(): T;
}

/** A temporary project directory with @ductape/sdk installed (a symlink), as a user's app has it. */
export class TempProject {
  readonly dir: string;

  constructor(label: string) {
    this.dir = tempDir(`ductape-cli-${label}-`);
    mkdirSync(join(this.dir, 'node_modules', '@ductape'), { recursive: true });
    symlinkSync(SDK, join(this.dir, 'node_modules', '@ductape', 'sdk'), 'dir');
  }

  /** Writes a file relative to the project. */
  write(path: string, text: string): string {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  /** Writes migrations/<tag>.mjs exporting `migration(name)<chain>.build()` as default. */
  migration(tag: string, chain: string, ext = 'mjs'): string {
    const name = tag.replace(/^\d{8}_\d{6}_/, '');
    return this.write(`migrations/${tag}.${ext}`, `import { migration } from '@ductape/sdk';\n\nexport default migration('${name}')\n  .tag('${tag}')${chain}\n  .build();\n`);
  }

  /** Runs the built `ductape` binary here (or another copy, `bin`), without a terminal and with NO_COLOR. */
  run(args: readonly string[], env: NodeJS.ProcessEnv = {}, bin = BIN): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: this.dir, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        resolve({
          code: code ?? -1,
          stdout,
          stderr,
          json: <T>() => {
            try {
              return JSON.parse(stdout) as T;
            } catch {
              throw new Error(`not JSON (exit ${String(code)}):\n${stdout}\n--- stderr:\n${stderr}`);
            }
          },
        }),
      );
    });
  }
}
