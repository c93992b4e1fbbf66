// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsole, launchChromium, type TestBrowser } from '../browser/harness/chromium';
import { serveStatic, type StaticServer } from '../browser/harness/static-server';

// What `npm start` shows, checked for real: the stories are built with Storybook, served, and opened in
// Chromium, where the MSW service worker answers from the in-browser emulator.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let outDir: string;
let server: StaticServer;
let chromium: TestBrowser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'rrs-storybook-'));
  execFileSync('npx', ['storybook', 'build', '-o', outDir, '--quiet', '--disable-telemetry'], { stdio: 'pipe' });
  server = await serveStatic(outDir);
  chromium = await launchChromium();
}, 240_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function openStory(id: string): Promise<{ page: Page; console: string[] }> {
  const context = await chromium.newContext();
  const page = await context.newPage();
  const console = collectConsole(page);
  await page.goto(`${server.origin('localhost')}/iframe.html?id=${id}&viewMode=story`);
  return { page, console };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (el: Element) => Promise<{ violations: { id: string }[] }> } }).axe;
    const root = document.querySelector('#storybook-root') ?? document.body;
    const result = await axe.run(root);
    return result.violations.map((v) => v.id);
  });
}

describe('useRecordings stories', () => {
  it('should list the public recordings of the default seed to a guest, accessibly', async () => {
    const { page, console } = await openStory('hooks-userecordings--guest');
    const summary = page.getByText(/^1–10 of \d+/);
    await summary.waitFor({ timeout: 20_000 }).catch(() => {
      throw new Error(`story did not load:\n${console.join('\n')}`);
    });
    expect(await page.getByRole('listitem').count()).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('should page forward with the keyboard', async () => {
    const { page } = await openStory('hooks-userecordings--guest');
    await page.getByText(/^1–10 of/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^11–20 of/).waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('should show the loading state while the server is slow', async () => {
    const { page } = await openStory('hooks-userecordings--loading');
    await page.getByRole('status').filter({ hasText: 'Loading recordings' }).waitFor({ timeout: 20_000 });
    await page.getByText(/^1–10 of/).waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('should show the empty state', async () => {
    const { page } = await openStory('hooks-userecordings--empty');
    await page.getByText('No recordings.').waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('should show the server error with its status', async () => {
    const { page } = await openStory('hooks-userecordings--error');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/503/);
    await page.context().close();
  });

  it('should page through 10,000 programs', async () => {
    const { page } = await openStory('hooks-userecordings--many');
    await page.getByText(/^1–10 of \d{3,}/).waitFor({ timeout: 20_000 });
    await page.context().close();
  });
});
