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
  // One output module per source module, as TanStack Query ships: each keeps its own 'use client'
  // directive, so React Server Components apps can import the core (recordingQueries, the client) on the
  // server and the hooks and components only on the client.
  unbundle: true,
  copy: [{ from: 'components/styles.css', to: 'dist' }],
  external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, 'axios', /^zustand/, /^msw/, /^node:/, 'node-forge'],
});
