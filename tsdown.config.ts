import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    index: 'hooks/index.ts',
    components: 'components/index.ts',
    testing: 'src/testing/index.ts',
    'testing-server': 'src/emulator/server.ts',
    cli: 'src/emulator/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: false,
  clean: true,
  copy: [{ from: 'components/styles.css', to: 'dist' }],
  external: [
    /^react($|\/)/,
    /^react-dom($|\/)/,
    /^@tanstack\//,
    'axios',
    /^zustand/,
    /^zod/,
    /^msw/,
    /^node:/,
    'node-forge',
  ],
});
