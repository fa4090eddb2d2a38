import { defineConfig } from 'tsup';

export const config = defineConfig({
  entry: ['src/bin.ts', 'src/index.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  splitting: true,
  target: 'node20',
});

export { config as default };
