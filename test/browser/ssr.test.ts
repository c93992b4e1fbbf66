// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dehydrate, QueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingClient, recordingQueries } from '../../hooks/index';
import { buildPage, type BuiltPage } from './harness/bundle';
import { collectConsole, launchChromium, type TestBrowser } from './harness/chromium';
import { emulatorConfig, startEmulator, type RunningEmulator } from './harness/emulator';
import { serveStatic, type StaticServer } from './harness/static-server';
import { App, type SsrState } from './pages/ssr/App';

const PARAMS = { count: 10 };

let bundle: BuiltPage;
let site: StaticServer;
let emulator: RunningEmulator;
let chromium: TestBrowser;

/** Renders the page the way an SSR framework does: prefetch, render to a string, dehydrate into the HTML. */
async function renderPage(template: string): Promise<string> {
  const state: Omit<SsrState, 'dehydrated'> = { config: emulatorConfig(emulator), params: PARAMS };
  const queryClient = new QueryClient();
  const client = createRecordingClient(state.config);
  try {
    await queryClient.prefetchQuery(recordingQueries.list(client, PARAMS));
    const full: SsrState = { ...state, dehydrated: dehydrate(queryClient) };
    const html = renderToString(createElement(App, { queryClient: new QueryClient(), state: full }));
    const json = JSON.stringify(full).replace(/</g, '\\u003c');
    return template
      .replace('<!--ssr-html-->', html)
      .replace('<!--ssr-state-->', `<script>window.__RRS_SSR__ = ${json};</script>`);
  } finally {
    client.dispose();
    queryClient.clear();
  }
}

beforeAll(async () => {
  bundle = await buildPage('ssr', 'development');
  const template = readFileSync(join(bundle.dir, 'index.html'), 'utf8');
  [site, chromium] = await Promise.all([
    serveStatic(bundle.dir, {
      route: async (req, res) => {
        if (new URL(req.url ?? '/', 'http://x').pathname !== '/') return false;
        const html = await renderPage(template);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return true;
      },
    }),
    launchChromium(),
  ]);
  emulator = await startEmulator({ allowOrigins: [site.origin()] });
});

afterAll(async () => {
  await Promise.all([chromium?.close(), emulator?.close(), site?.close()]);
  bundle?.dispose();
});

describe('server rendering with recordingQueries prefetch and dehydrate', () => {
  it('should hydrate in Chromium without hydration warnings and without refetching on mount', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    const consoleLines = collectConsole(page);
    const browserCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`http://127.0.0.1:${emulator.port}`)) browserCalls.push(r.url());
    });
    const response = await page.goto(`${site.origin()}/`);
    const served = (await response?.text()) ?? '';
    const servedItems = served.match(/<li>/g)?.length ?? 0;
    expect(servedItems).toBeGreaterThan(0);

    await page.locator('[data-testid="probe"][data-mounted="yes"]').waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    expect(await page.getByTestId('list').getAttribute('data-state')).toBe('success');
    expect(await page.getByTestId('probe').textContent()).toBe('0');
    expect(await page.getByRole('listitem').count()).toBe(servedItems);

    expect(browserCalls).toEqual([]);
    const fromNode = emulator.requests.filter((r) => r.method === 'GET');
    expect(fromNode.length).toBe(1);
    expect(fromNode.every((r) => r.headers.origin === undefined)).toBe(true);
    expect(consoleLines.filter((l) => /^(error|warning|pageerror)/.test(l))).toEqual([]);
    await context.close();
  });
});
