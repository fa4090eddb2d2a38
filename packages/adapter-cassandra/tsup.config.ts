import { defineConfig } from 'tsup';

export const config = defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  // Maps give stack traces src/ lines; sources are not embedded, so the tarballs stay small.
  sourcemap: true,
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  target: 'node20',
  external: ['cassandra-driver'],
});

export { config as default };
