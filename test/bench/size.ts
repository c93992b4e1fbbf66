/**
 * Bundle size: what an import from 'react-recording-service' adds to an app, minified and gzipped (level 9),
 * with react, react-dom, @tanstack/react-query, axios and zustand external (their own sizes measured
 * beside it, in the same run, as the baseline an app already pays). The equivalent of size-limit's esbuild
 * preset (size-limit 14 needs Node 22); `test/bench/size.test.ts` enforces the budgets in `npm test`.
 */
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const EXTERNALS = ['react', 'react-dom', '@tanstack/react-query', 'axios', 'zustand', 'hls.js'];

export interface SizeRow {
  name: string;
  /** What the bundle's entry imports. */
  entry: string;
  minified: number;
  gzip: number;
  /** The minified output, for content checks (never written to the results). */
  code?: string;
}

/** Bundles `entry` (module text, resolved from the repository root) and measures it. */
export async function measure(name: string, entry: string, external: string[] = EXTERNALS): Promise<SizeRow> {
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
  return {
    name,
    entry,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    code: new TextDecoder().decode(code),
  };
}

const fromMain = (names: string) => `export { ${names} } from './hooks/index.ts';`;

/** One budgeted import of the main entry. */
export interface SizeBudget {
  name: string;
  entry: string;
  /** Issue 8's budget, gzip bytes (`undefined`: reported only). */
  target?: number;
  /**
   * Only while `target` is missed: the ceiling `npm test` enforces instead, gzip bytes, which is the best size
   * reached so far plus a small margin, so the package cannot grow back while the gap is closed. Delete it
   * once the target holds: the test then enforces the target.
   */
  ceiling?: number;
  /** Before issue 8 (commit 33e1ac1), gzip bytes. */
  before?: number;
  /** After the modular core landed (commit 4d95ace), gzip bytes. */
  modularCore?: number;
  /** After the first size round (commit a51dfb2), gzip bytes. */
  firstRound?: number;
}

/** What `npm test` enforces for a budget: its ceiling while the target is missed, else the target. */
export const enforcedLimit = (budget: SizeBudget): number | undefined => budget.ceiling ?? budget.target;

// Best sizes reached by the issue 8 size work (gzip bytes, measured at its last commit: 8,419, 10,118 and 20,648)
// plus about 1 %, enforced while a budget is missed (see SizeBudget.ceiling). Lower them as sizes drop; delete
// them once the budgets hold.
const QUICK_START_CEILING = 8_500;
const WITH_SESSION_CEILING = 10_220;
const WHOLE_ENTRY_CEILING = 20_860;

/** Issue 8's budgets. */
export const SIZE_BUDGETS: SizeBudget[] = [
  {
    name: 'quick start: RecordingServiceProvider + useRecordings + useRecording',
    entry: fromMain('RecordingServiceProvider, useRecordings, useRecording'),
    target: 6_000,
    ceiling: QUICK_START_CEILING,
    before: 15_054,
    modularCore: 11_002,
    firstRound: 9_433,
  },
  {
    name: 'quick start + useRecordingSession',
    entry: fromMain('RecordingServiceProvider, useRecordings, useRecording, useRecordingSession'),
    target: 8_500,
    ceiling: WITH_SESSION_CEILING,
    modularCore: 12_796,
    firstRound: 11_255,
  },
  {
    name: 'the whole main entry',
    entry: `export * from './hooks/index.ts';`,
    target: 16_000,
    ceiling: WHOLE_ENTRY_CEILING,
    before: 20_855,
    modularCore: 22_265,
    firstRound: 22_345,
  },
  {
    name: 'createRecordingClient alone (script use)',
    entry: fromMain('createRecordingClient'),
    modularCore: 14_409,
    firstRound: 13_153,
  },
  {
    name: 'modular script: createRecordingContext + listPrograms',
    entry: fromMain('createRecordingContext, listPrograms'),
    modularCore: 9_289,
    firstRound: 7_784,
  },
];

/** Text that must not be in the quick start: sign-in code and component labels. */
export const QUICK_START_FORBIDDEN = ['UPToken', 'Loading…', 'Sign in', 'Try again', 'Signed in as'];

/** Sizes of our code for the budgeted imports, of the components entry, and of each external. */
export async function measureSizes(): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const budget of SIZE_BUDGETS) rows.push(await measure(`own code: ${budget.name}`, budget.entry));
  rows.push(await measure('own code: the whole components entry', `export * from './components/index.ts';`));
  rows.push(
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
  );
  return rows.map(({ code: _code, ...row }) => row);
}
