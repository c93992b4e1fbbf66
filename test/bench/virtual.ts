/**
 * `npm run bench` (second part): RecordingList with 10,000 rows in real Chromium, virtualized (the default of
 * `paging="more"`) against the same list with `virtual={false}`, in one run, against the emulator (seed `many`,
 * signed in as admin, who sees all 10,000) served over HTTP on 127.0.0.1.
 *
 * - DOM rows: `<li>` elements in the list once all 10,000 are loaded (loaded by scrolling, as a user would).
 * - Mount: `root.render` of the list with the 10 pages already in the query cache, to the end of the commit and
 *   layout (flushSync + a forced layout), median of 5 mounts.
 * - Scroll: the list's scrolling box moved 240 px per frame for 240 frames; the frame times are the gaps
 *   between animation frames (p95, median, max).
 * Also checks, in the browser, that the virtual list's End key reaches the 10,000th row.
 * Writes bench/results/virtual.json and bench/results/virtual.md; exits non-zero when a check fails.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startEmulatorServer } from '../../src/emulator/server';
import { collectConsole, launchChromium } from '../browser/harness/chromium';
import { emulatorConfig } from '../browser/harness/emulator';
import { serveStatic } from '../browser/harness/static-server';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

/** What the page exposes on `window.bench`. */
interface PageBench {
  signIn(): Promise<void>;
  /** Mounts the list and scrolls (virtual) or presses "Load more" (plain) until 10,000 rows are loaded. */
  loadAll(virtual: boolean): Promise<{ rows: number; loaded: number; pages: number }>;
  mount(virtual: boolean): Promise<{ ms: number; rows: number }>;
  scroll(virtual: boolean, frames: number, step: number): Promise<number[]>;
  /** Focuses the first row and presses End as the user would (dispatched key events); the row reached. */
  endKey(): Promise<{ posinset: string | null; setsize: string | null; rows: number }>;
  unmount(): void;
}

// The page: the list in a 576 px box (the virtual list's own box, and a scrolling div for the plain one).
const PAGE = `
import { QueryClient } from '@tanstack/react-query';
import { createElement as h, useEffect } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { RecordingServiceProvider, useRecordingSession } from '../../hooks/index.ts';
import { RecordingList } from '../../components/RecordingList/index.ts';

const config = JSON.parse(new URLSearchParams(location.search).get('config'));
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, gcTime: Infinity, retry: false } } });
const container = document.getElementById('root');
let reactRoot;
let session;

function Session() {
  session = useRecordingSession();
  return null;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
async function until(test, what, ms = 60000) {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > ms) throw new Error('timed out waiting for ' + what + ': ' + container.textContent.slice(0, 200));
    await frame();
  }
}

function list(virtual) {
  const props = { paging: 'more', pageSize: 1000, virtual, onSelect: () => {} };
  const element = h(RecordingList, props);
  return h(RecordingServiceProvider, { config, queryClient }, h(Session), virtual ? element : h('div', { className: 'plain-box' }, element));
}

const rows = () => container.querySelectorAll('ul[aria-label] > li').length;
const summary = () => container.querySelector('.rrs-list__summary')?.textContent ?? '';
const scroller = (virtual) => container.querySelector(virtual ? '.rrs-list__viewport' : '.plain-box');

function mountNow(element) {
  reactRoot?.unmount();
  reactRoot = createRoot(container);
  flushSync(() => reactRoot.render(element));
  void container.offsetHeight;
}

window.bench = {
  async signIn() {
    mountNow(h(RecordingServiceProvider, { config, queryClient }, h(Session)));
    await session.signIn('portal-admin', 'admin');
  },
  async loadAll(virtual) {
    mountNow(list(virtual));
    let pages = 0;
    while (!summary().includes('-10000 of')) {
      await until(() => /-\\d+ of/.test(summary()), 'the first page');
      const before = summary();
      if (virtual) {
        const box = scroller(true);
        box.scrollTop = box.scrollHeight;
      } else {
        [...container.querySelectorAll('button')].find((b) => b.textContent === 'Load more')?.click();
      }
      await until(() => summary() !== before, 'the next page');
      pages++;
    }
    await frame();
    return { rows: rows(), loaded: Number(summary().match(/-(\\d+) of/)[1]), pages };
  },
  async mount(virtual) {
    reactRoot?.unmount();
    container.textContent = '';
    await frame();
    reactRoot = createRoot(container);
    const start = performance.now();
    flushSync(() => reactRoot.render(list(virtual)));
    void container.offsetHeight;
    const ms = performance.now() - start;
    await until(() => summary().includes('-10000 of'), 'the cached list');
    await frame();
    return { ms, rows: rows() };
  },
  async scroll(virtual, frames, step) {
    const box = scroller(virtual);
    box.scrollTop = 0;
    await frame();
    await frame();
    const times = [];
    let last = await frame();
    for (let i = 0; i < frames; i++) {
      box.scrollTop += step;
      const now = await frame();
      times.push(now - last);
      last = now;
    }
    return times;
  },
  async endKey() {
    const box = scroller(true);
    box.scrollTop = 0;
    await frame();
    await frame();
    const first = container.querySelector('[data-rrs-item]');
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    await until(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') === '10000', 'row 10000', 10000).catch(() => {});
    const row = document.activeElement?.closest('li');
    return { posinset: row?.getAttribute('aria-posinset') ?? null, setsize: row?.getAttribute('aria-setsize') ?? null, rows: rows() };
  },
  unmount() {
    reactRoot?.unmount();
    reactRoot = undefined;
  },
};
window.benchReady = true;
`;

const HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>RecordingList: 10,000 rows</title>
    <link rel="stylesheet" href="/styles.css" />
    <style>
      body { margin: 16px; width: 720px; }
      .plain-box, .rrs-list { --rrs-list-height: 36rem; }
      .plain-box { max-height: 36rem; overflow-y: auto; }
    </style>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/page.js"></script>
  </body>
</html>
`;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const median = (values: number[]) => percentile(values, 50);
const round = (n: number) => Math.round(n * 10) / 10;

interface Variant {
  /** `<li>` in the DOM once all 10,000 rows are loaded. */
  domRows: number;
  /** Median of the mounts, ms. */
  mountMs: number;
  mountRuns: number[];
  frames: { p95: number; median: number; max: number; count: number };
}

async function buildPage(dir: string): Promise<void> {
  await build({
    stdin: { contents: PAGE, resolveDir: here, loader: 'tsx', sourcefile: 'virtual-page.tsx' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['hls.js'],
    outfile: join(dir, 'page.js'),
  });
  copyFileSync(join(root, 'components/styles.css'), join(dir, 'styles.css'));
  writeFileSync(join(dir, 'index.html'), HTML);
}

/** Runs one step of the page's `window.bench`. */
type Step = <T>(name: keyof PageBench, ...args: unknown[]) => Promise<T>;

async function measure(step: Step, virtual: boolean): Promise<Variant> {
  const mountRuns: number[] = [];
  let domRows = 0;
  for (let i = 0; i < 5; i++) {
    const mounted = await step<{ ms: number; rows: number }>('mount', virtual);
    mountRuns.push(mounted.ms);
    domRows = mounted.rows;
  }
  const times = await step<number[]>('scroll', virtual, 240, 240);
  return {
    domRows,
    mountMs: round(median(mountRuns)),
    mountRuns: mountRuns.map(round),
    frames: {
      p95: round(percentile(times, 95)),
      median: round(median(times)),
      max: round(Math.max(...times)),
      count: times.length,
    },
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rrs-bench-virtual-'));
  await buildPage(dir);
  const site = await serveStatic(dir);
  const emulator = await startEmulatorServer({
    port: 0,
    host: '127.0.0.1',
    seed: 'many',
    allowOrigins: [site.origin()],
  });
  const chromium = await launchChromium();
  try {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const console = collectConsole(page);
    const config = JSON.stringify(emulatorConfig(emulator));
    await page.goto(`${site.origin()}/?config=${encodeURIComponent(config)}`);
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true);
    const bench: Step = (name, ...args) =>
      page
        .evaluate(
          ([step, values]) =>
            (window as unknown as { bench: Record<string, (...v: unknown[]) => Promise<never>> }).bench[step]!(
              ...values,
            ),
          [name, args] as const,
        )
        .catch((error: unknown) => {
          throw new Error(`bench step ${name} failed: ${String(error)}\n${console.join('\n')}`);
        });

    await bench('signIn');
    // Loading by scrolling is itself a check: the virtual list must fetch every page on its own.
    const loaded = await bench<{ rows: number; loaded: number; pages: number }>('loadAll', true);
    const endKey = await bench<{ posinset: string | null; setsize: string | null; rows: number }>('endKey');
    const virtual = await measure(bench, true);
    const plain = await measure(bench, false);
    await bench('unmount');

    const checks = [
      { name: 'scrolling the virtual list to its end loads all 10,000 rows', pass: loaded.loaded === 10_000 },
      { name: 'the virtual list keeps fewer than 50 rows in the DOM', pass: virtual.domRows < 50 },
      { name: 'without virtualization every row is in the DOM', pass: plain.domRows === 10_000 },
      {
        name: 'End in the virtual list reaches the 10,000th row',
        pass: endKey.posinset === '10000' && endKey.setsize === '10000',
      },
      { name: 'the virtual list mounts faster', pass: virtual.mountMs < plain.mountMs },
    ];
    const results = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      browser: `Chromium ${chromium.browser.version()} (headless, --disable-gpu)`,
      setup:
        'emulator seed "many" over HTTP on 127.0.0.1, signed in as admin; RecordingList paging="more" pageSize=1000, ' +
        'in a 576 px scrolling box, 720 px wide; React production build',
      loadedByScrolling: loaded,
      endKey,
      virtual,
      plain,
      checks,
    };
    const out = join(root, 'bench/results');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'virtual.json'), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(join(out, 'virtual.md'), markdown(results));
    process.stdout.write(markdown(results));
    if (checks.some((c) => !c.pass)) process.exitCode = 1;
    await context.close();
  } finally {
    await chromium.close();
    await emulator.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdown(r: {
  generatedAt: string;
  node: string;
  browser: string;
  setup: string;
  loadedByScrolling: { rows: number; loaded: number; pages: number };
  virtual: Variant;
  plain: Variant;
  checks: { name: string; pass: boolean }[];
}): string {
  const row = (label: string, v: Variant) =>
    `| ${label} | ${v.domRows} | ${v.mountMs} (${v.mountRuns.join(', ')}) | ${v.frames.p95} | ${v.frames.median} | ${v.frames.max} |`;
  return [
    '# Benchmark: RecordingList with 10,000 rows, virtualized or not',
    '',
    `${r.generatedAt}, Node ${r.node}, ${r.browser}.`,
    `${r.setup}.`,
    '',
    `Loaded by scrolling the virtual list: ${r.loadedByScrolling.loaded} rows in ${r.loadedByScrolling.pages} more pages.`,
    '',
    '| version | rows in the DOM | mount ms, median (runs) | scroll frame ms p95 | median | max |',
    '|---|---|---|---|---|---|',
    row('virtual (default)', r.virtual),
    row('virtual={false}', r.plain),
    '',
    'Mount: render with the 10 pages in the query cache, to the end of commit and layout. Scroll: 240 px per',
    'frame, 240 frames; frame time is the gap between animation frames (16.7 ms at 60 Hz).',
    '',
    '## Checks',
    '',
    ...r.checks.map((c) => `- [${c.pass ? 'x' : ' '}] ${c.name}`),
    '',
  ].join('\n');
}

await main();
