import { defineConfig } from 'tsup';

// Two entries: `.` (the mysql2 adapter) and `./shared` (driver-agnostic: compiler, introspector,
// history, lock), which the MariaDB adapter imports without ever loading mysql2.
export const config = defineConfig({
  entry: ['src/index.ts', 'src/shared.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  // Maps give stack traces src/ lines; sources are not embedded, so the tarballs stay small.
  sourcemap: true,
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  target: 'node20',
  external: ['mysql2'],
});

export { config as default };
