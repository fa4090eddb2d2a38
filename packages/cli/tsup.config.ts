import { defineConfig } from 'tsup';

export const config = defineConfig({
  entry: ['src/bin.ts', 'src/index.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  // Maps give stack traces src/ lines; sources are not embedded, so the tarballs stay small.
  sourcemap: true,
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  splitting: true,
  target: 'node20',
});

export { config as default };
