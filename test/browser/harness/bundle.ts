import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A page built into a temporary directory; `dispose` removes it. */
export interface BuiltPage {
  dir: string;
  dispose(): void;
}

/**
 * Builds one of the pages under test/browser/pages with Vite, the way an app would bundle the
 * package, except that `react-recording-service` resolves to the sources (hooks/index.ts).
 */
export async function buildPage(name: string): Promise<BuiltPage> {
  const dir = mkdtempSync(join(tmpdir(), `rrs-page-${name}-`));
  await build({
    root: join(ROOT, 'test/browser/pages', name),
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^react-recording-service$/, replacement: join(ROOT, 'hooks/index.ts') },
        { find: /^react-recording-service\/components$/, replacement: join(ROOT, 'components/index.ts') },
      ],
    },
    build: { outDir: dir, emptyOutDir: true, minify: false, sourcemap: false, reportCompressedSize: false },
  });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
