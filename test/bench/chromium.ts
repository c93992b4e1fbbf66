/**
 * Chromium bench (issue 8): production Vite builds of the README quick start (test/bench/pages/quick-start) and
 * of the same app written naively with useEffect + axios (test/bench/pages/naive), served from 127.0.0.1 and
 * reading from the emulator server (seed `default`). Rounds alternate the apps (and which goes first), each
 * run in a fresh headless Chromium with a fresh user-data-dir (cold cache). Per run: time from navigation to
 * the first list in the DOM, script CPU until then (CDP `ScriptDuration`), requests until then, and requests
 * to open a program already in the list. A third app is the quick start after one app-level line,
 * `notifyManager.setScheduler(queueMicrotask)`: it shows how much of the gap is react-query's default
 * setTimeout(0) delivery of results, which is global to an app and so never changed by the package.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startEmulator } from '../browser/harness/emulator';
import { serveStatic } from '../browser/harness/static-server';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const APPS = ['quick-start', 'naive', 'quick-start-microtask'] as const;
export type BenchApp = (typeof APPS)[number];

/** One page load. */
export interface ChromiumRun {
  app: BenchApp;
  /** ms from navigation start to the list items in the DOM (React commits the page of items at once). */
  firstListMs: number;
  /** ms of script execution until then. */
  scriptMs: number;
  /** Requests the page made until then (document, scripts, API). */
  requests: number;
  /** Requests to the recording server to show a program already in the list. */
  detailRequests: number;
}

/** Medians per app, and the ratios to the naive app. */
export interface ChromiumSummary {
  rounds: number;
  chromium: string;
  apps: Record<
    BenchApp,
    { firstListMs: number; scriptMs: number; requests: number; detailRequests: number; jsGzip: number }
  >;
  /** Ours (the README quick start) / naive. */
  ratio: { firstListMs: number; scriptMs: number; jsGzip: number };
  /** The quick start with react-query's results delivered in a microtask / naive. */
  microtaskRatio: { firstListMs: number; scriptMs: number; jsGzip: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The microtask variant is the quick-start page with two lines put first in its main.tsx at build time (in the
 * entry itself: the package's `sideEffects` would let the bundler drop a module imported only for its effect).
 */
const MICROTASK_SCHEDULER =
  "import { notifyManager } from '@tanstack/react-query';\nnotifyManager.setScheduler(queueMicrotask);\n";

async function buildApp(app: BenchApp, outDir: string): Promise<number> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const variant = app === 'quick-start-microtask';
  try {
    await build({
      root: join(ROOT, 'test/bench/pages', variant ? 'quick-start' : app),
      configFile: false,
      logLevel: 'error',
      mode: 'production',
      plugins: [
        react(),
        variant && {
          name: 'bench-microtask-scheduler',
          transform: (code: string, id: string) => (id.endsWith('/main.tsx') ? MICROTASK_SCHEDULER + code : undefined),
        },
      ],
      resolve: { alias: [{ find: /^react-recording-service$/, replacement: join(ROOT, 'hooks/index.ts') }] },
      build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file)), { level: 9 }).byteLength, 0);
}

async function load(app: BenchApp, origin: string, emulatorPort: number): Promise<ChromiumRun> {
  const profile = mkdtempSync(join(tmpdir(), 'rrs-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    if (process.env.BENCH_DEBUG) {
      page.on('console', (m) => console.log(app, m.type(), m.text()));
      page.on('pageerror', (e) => console.log(app, 'pageerror', e.message));
      page.on('requestfailed', (r) => console.log(app, 'failed', r.url(), r.failure()?.errorText));
    }
    // Stamps the moment the list has its 20 items, from inside the page (relative to navigation start).
    // A string, not a function: the bench runs under tsx, whose transpiled functions call helpers the page lacks.
    await page.addInitScript(`
      new MutationObserver(() => {
        if (window.firstList === undefined && document.querySelectorAll('#list li').length > 0) {
          window.firstList = performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
    `);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/?port=${emulatorPort}`);
    await page.waitForFunction('window.firstList !== undefined');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const firstListMs = (await page.evaluate('window.firstList')) as number;
    const requestsUntilList = requests.length;
    const apiBefore = requests.filter((url) => url.includes(`:${emulatorPort}/`)).length;
    await page.locator('#list li button').first().click();
    await page.waitForFunction("(document.getElementById('detail')?.textContent ?? '') !== ''");
    const apiAfter = requests.filter((url) => url.includes(`:${emulatorPort}/`)).length;
    return {
      app,
      firstListMs,
      scriptMs: (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000,
      requests: requestsUntilList,
      detailRequests: apiAfter - apiBefore,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const ratioOf = (app: ChromiumSummary['apps'][BenchApp], naive: ChromiumSummary['apps'][BenchApp]) => ({
  firstListMs: app.firstListMs / naive.firstListMs,
  scriptMs: app.scriptMs / naive.scriptMs,
  jsGzip: app.jsGzip / naive.jsGzip,
});

/** Runs the bench; `undefined` when there is no Chromium (the bench says so and goes on). */
export async function runChromiumBench(
  rounds = 12,
): Promise<{ summary: ChromiumSummary; runs: ChromiumRun[] } | undefined> {
  if (!existsSync(CHROMIUM)) {
    console.warn(`Chromium bench skipped: no ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return undefined;
  }
  const dist = mkdtempSync(join(tmpdir(), 'rrs-bench-apps-'));
  const jsGzip = {} as Record<BenchApp, number>;
  for (const app of APPS) jsGzip[app] = await buildApp(app, join(dist, app));
  const emulator = await startEmulator({ allowOrigins: ['*'] });
  // One server per app: each build refers to its assets from the root.
  const sites = {} as Record<BenchApp, Awaited<ReturnType<typeof serveStatic>>>;
  for (const app of APPS) sites[app] = await serveStatic(join(dist, app));
  const runs: ChromiumRun[] = [];
  try {
    const origin = (app: BenchApp) => sites[app].origin('127.0.0.1');
    for (const app of APPS) await load(app, origin(app), emulator.port); // warm-up of the disk cache, not counted
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? APPS : [...APPS].reverse();
      for (const app of order) runs.push(await load(app, origin(app), emulator.port));
    }
  } finally {
    for (const app of APPS) await sites[app].close();
    await emulator.close();
    rmSync(dist, { recursive: true, force: true });
  }
  const of = (app: BenchApp) => runs.filter((run) => run.app === app);
  const apps = Object.fromEntries(
    APPS.map((app) => [
      app,
      {
        firstListMs: median(of(app).map((r) => r.firstListMs)),
        scriptMs: median(of(app).map((r) => r.scriptMs)),
        requests: median(of(app).map((r) => r.requests)),
        detailRequests: median(of(app).map((r) => r.detailRequests)),
        jsGzip: jsGzip[app],
      },
    ]),
  ) as ChromiumSummary['apps'];
  const ours = apps['quick-start'];
  const naive = apps.naive;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const version = browser.version();
  await browser.close();
  return {
    summary: {
      rounds,
      chromium: version,
      apps,
      ratio: ratioOf(ours, naive),
      microtaskRatio: ratioOf(apps['quick-start-microtask'], naive),
    },
    runs,
  };
}

/** The Markdown section of the bench results. */
export function chromiumMarkdown(summary: ChromiumSummary | undefined): string[] {
  if (!summary) return ['## Chromium: quick start vs naive useEffect + axios', '', 'Skipped: no Chromium.', ''];
  const { apps, ratio, microtaskRatio } = summary;
  const row = (label: string, a: ChromiumSummary['apps'][BenchApp]) =>
    `| ${label} | ${a.firstListMs.toFixed(1)} | ${a.scriptMs.toFixed(1)} | ${a.jsGzip} | ${a.requests} | ${a.detailRequests} |`;
  return [
    '## Chromium: quick start vs naive useEffect + axios',
    '',
    `Chromium ${summary.chromium}, headless, fresh profile per load; production Vite builds; emulator server on`,
    `127.0.0.1 (seed "default"); ${summary.rounds} alternating rounds after a warm-up; medians.`,
    '',
    '| app | navigation to the list in the DOM (ms) | script CPU until then (ms) | JS gzip (bytes) | requests until then | requests to open a listed program |',
    '|---|---|---|---|---|---|',
    row('quick start (ours)', apps['quick-start']),
    row('naive useEffect + axios', apps.naive),
    `| ratio ours / naive | ${ratio.firstListMs.toFixed(2)}x | ${ratio.scriptMs.toFixed(2)}x | ${ratio.jsGzip.toFixed(2)}x | | |`,
    row('quick start, results in a microtask (app-level react-query setting)', apps['quick-start-microtask']),
    `| ratio of that / naive | ${microtaskRatio.firstListMs.toFixed(2)}x | ${microtaskRatio.scriptMs.toFixed(2)}x | ${microtaskRatio.jsGzip.toFixed(2)}x | | |`,
    '',
    'The third row is the same quick start after `notifyManager.setScheduler(queueMicrotask)`: react-query hands',
    'query results to components with `setTimeout(0)` by default, which waits behind the page-load tasks. The',
    'difference between the first and third rows is that scheduling, a global react-query choice the package leaves',
    'to the app.',
    '',
    `Goal: time to the first list within 1.05x of the naive app's; 0 requests for a program already in a list.`,
    'Before the modular core (issue 8, 15 rounds): 518 ms against 428 ms (1.21x), script CPU 250 ms against 172 ms,',
    'JS 120.8 kB against 90.2 kB gzip.',
    '',
  ];
}
