import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type AliasOptions } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');

/** React's build a page is bundled with: what apps ship, or what developers run (StrictMode double effects). */
export type BuildMode = 'production' | 'development';

/**
 * Builds the Vite app at `root` into `outDir` with the React plugin. Vite picks React's build from
 * NODE_ENV, which Vitest sets to 'test', so NODE_ENV is `mode` for the duration of the build.
 */
export async function viteBuild(root: string, outDir: string, mode: BuildMode, alias?: AliasOptions): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'error',
      mode,
      plugins: [react()],
      ...(alias && { resolve: { alias } }),
      build: { outDir, emptyOutDir: true, minify: false, sourcemap: false, reportCompressedSize: false },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** A page built into a temporary directory; `dispose` removes it. */
export interface BuiltPage {
  dir: string;
  dispose(): void;
}

/**
 * Builds one of the pages under test/browser/pages, the way an app would bundle the package, except
 * that `react-recording-service` resolves to the sources (hooks/index.ts).
 */
export async function buildPage(name: string, mode: BuildMode = 'production'): Promise<BuiltPage> {
  const dir = mkdtempSync(join(tmpdir(), `rrs-page-${name}-`));
  await viteBuild(join(ROOT, 'test/browser/pages', name), dir, mode, [
    { find: /^react-recording-service$/, replacement: join(ROOT, 'hooks/index.ts') },
    { find: /^react-recording-service\/components$/, replacement: join(ROOT, 'components/index.ts') },
  ]);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
