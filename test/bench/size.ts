/**
 * Bundle size: what `import { RecordingServiceProvider, useRecordings, useRecording } from 'react-recording-service'`
 * adds to an app, minified and gzipped, with react, react-dom, react-query, axios, zustand and zod external
 * (their own sizes measured beside it, in the same run, as the baseline an app already pays).
 */
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const EXTERNALS = ['react', 'react-dom', '@tanstack/react-query', 'axios', 'zustand', 'zod', 'hls.js'];

export interface SizeRow {
  name: string;
  /** What the bundle's entry imports. */
  entry: string;
  minified: number;
  gzip: number;
}

async function measure(name: string, entry: string, external: string[]): Promise<SizeRow> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: external.flatMap((pkg) => [pkg, `${pkg}/*`]),
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { name, entry, minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** Sizes of our code for the quick-start import, of the whole entries, and of each external. */
export async function measureSizes(): Promise<SizeRow[]> {
  const quickStart = `export { RecordingServiceProvider, useRecordings, useRecording } from './hooks/index.ts';`;
  return [
    await measure('own code: RecordingServiceProvider + useRecordings + useRecording', quickStart, EXTERNALS),
    await measure('own code: the whole main entry', `export * from './hooks/index.ts';`, EXTERNALS),
    await measure('own code: the whole components entry', `export * from './components/index.ts';`, EXTERNALS),
    await measure(
      'react + react-dom (client)',
      `export { useState } from 'react'; export { createRoot } from 'react-dom/client';`,
      [],
    ),
    await measure(
      '@tanstack/react-query (as the quick start uses it)',
      `export { QueryClient, QueryClientProvider, QueryClientContext, useQuery, queryOptions } from '@tanstack/react-query';`,
      ['react', 'react-dom'],
    ),
    await measure('axios', `export { default } from 'axios';`, []),
    await measure('zustand (vanilla store + useStore)', `export { createStore, useStore } from 'zustand';`, ['react']),
    await measure(
      'own code + zod/mini inlined: the quick-start import',
      quickStart,
      EXTERNALS.filter((pkg) => pkg !== 'zod'),
    ),
  ];
}
