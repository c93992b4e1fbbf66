// @vitest-environment node
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viteBuild } from './harness/bundle';
import { collectConsole, launchChromium, type TestBrowser } from './harness/chromium';
import { emulatorConfig, startEmulator, type RunningEmulator } from './harness/emulator';
import { waitForText } from './harness/lab';
import { serveStatic, type StaticServer } from './harness/static-server';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const APPS = join(ROOT, 'test/apps');
const SLOW = 300_000;

let work: string;
let tarball: string;

/** `npm pack` of the built package, the very file `npm publish` would upload. */
async function pack(): Promise<string> {
  if (!existsSync(join(ROOT, 'dist/index.js'))) await run('npm', ['run', 'build'], { cwd: ROOT });
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
    cwd: ROOT,
  });
  const [info] = JSON.parse(stdout) as { filename: string }[];
  const file = join(work, 'react-recording-service.tgz');
  renameSync(join(work, info?.filename ?? ''), file);
  return file;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'rrs-apps-'));
  tarball = await pack();
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('should hold the build output for every entry and no sources or tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n').filter(Boolean);
    for (const entry of ['index', 'components', 'testing']) {
      for (const ext of ['js', 'cjs', 'd.ts', 'd.cts']) expect(files).toContain(`package/dist/${entry}.${ext}`);
    }
    expect(files).toContain('package/dist/styles.css');
    expect(files).toContain('package/package.json');
    expect(files.filter((f) => /^package\/(src|hooks|components|test|stories)\//.test(f))).toEqual([]);
  });
});

describe.each(['react18', 'react19'])('a fresh Vite app with %s installing the tarball', (name) => {
  let app: string;
  let browser: TestBrowser;
  let emulator: RunningEmulator;
  let page: StaticServer;

  beforeAll(async () => {
    app = join(work, name);
    cpSync(join(APPS, 'shared'), app, { recursive: true });
    cpSync(join(APPS, name, 'package.json'), join(app, 'package.json'));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
      cwd: app,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
  }, SLOW);

  afterAll(async () => {
    await page?.close();
    await emulator?.close();
    await browser?.close();
  });

  it('should install the React major the app asks for', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/react/package.json'), 'utf8')) as { version: string };
    expect(pkg.version.split('.')[0]).toBe(name.slice('react'.length));
  });

  it(
    'should typecheck against the published types',
    async () => {
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      const result = await run(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')]).catch(
        (e: { stdout: string }) => ({ stdout: e.stdout, failed: true }),
      );
      expect(result.stdout).toBe('');
    },
    SLOW,
  );

  it('should load the main and components entries with a CommonJS require in Node', async () => {
    writeFileSync(
      join(app, 'require.cjs'),
      [
        "const pkg = require('react-recording-service');",
        "const names = ['RecordingServiceProvider', 'createRecordingClient', 'useRecordings', 'isRecordingServiceError'];",
        "const components = require('react-recording-service/components');",
        // Components forward their ref: a forwardRef component is an object React recognises by its $$typeof.
        'const browser = components.RecordingBrowser;',
        'console.log(JSON.stringify([...names.map((n) => [n, typeof pkg[n]]), ["RecordingBrowser", String(browser && browser.$$typeof)]]));',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['require.cjs'], { cwd: app });
    expect(JSON.parse(stdout)).toEqual([
      ['RecordingServiceProvider', 'function'],
      ['createRecordingClient', 'function'],
      ['useRecordings', 'function'],
      ['isRecordingServiceError', 'function'],
      ['RecordingBrowser', 'Symbol(react.forward_ref)'],
    ]);
  });

  it(
    'should build with Vite and run in Chromium against the emulator, hooks and components alike',
    async () => {
      const out = join(app, 'dist');
      await viteBuild(app, out, 'production');
      page = await serveStatic(out);
      emulator = await startEmulator({ allowOrigins: [page.origin()] });
      browser = await launchChromium();
      const tab = await (await browser.newContext()).newPage();
      const consoleLines = collectConsole(tab);
      const settings = { config: emulatorConfig(emulator), portalToken: 'portal-alice', user: 'alice' };
      await tab.goto(`${page.origin()}/#${encodeURIComponent(JSON.stringify(settings))}`);
      await tab.getByRole('button', { name: 'Sign in' }).click();
      await waitForText(tab.getByTestId('session'), 'user');
      await tab.getByTestId('total').waitFor();
      const names = await tab.getByRole('listitem').allTextContents();
      expect(names.length).toBeGreaterThan(0);
      await tab.getByRole('listitem').first().getByRole('button').click();
      await waitForText(tab.getByRole('heading', { level: 2 }), names[0] ?? '');
      await tab
        .getByRole('region', { name: 'Component' })
        .filter({ hasText: names[0] ?? '' })
        .waitFor();
      expect(consoleLines.filter((l) => l.startsWith('error') || l.startsWith('pageerror'))).toEqual([]);
    },
    SLOW,
  );
});
