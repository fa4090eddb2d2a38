import { ensureBuilt } from './cli.js';

/** vitest globalSetup: build the binary once, before any test file runs it (never concurrently). */
export function setup(): void {
  ensureBuilt();
}
