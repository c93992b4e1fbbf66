import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { collectConsole, launchChromium, type TestBrowser } from '../browser/harness/chromium';
import { serveStatic, type StaticServer } from '../browser/harness/static-server';

/**
 * What `npm start` shows, checked for real: the stories are built with Storybook, served, and opened in
 * Chromium, where the MSW service worker answers from the in-browser emulator.
 *
 * The build is shared by every Storybook suite of one vitest run: the suites run in worker processes of
 * the same vitest process, so the first one to take the lock builds into a directory named after that
 * process and the others wait for it. Directories of finished runs are removed by the next run.
 */
const ROOT = join(tmpdir(), 'rrs-storybook');
const RUN_DIR = join(ROOT, `run-${process.ppid}`);
const OUT_DIR = join(RUN_DIR, 'out');
const DONE = join(RUN_DIR, 'done');
const FAILED = join(RUN_DIR, 'failed');
const BUILD_TIMEOUT_MS = 240_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function removeFinishedRuns(): void {
  if (!existsSync(ROOT)) return;
  for (const name of readdirSync(ROOT)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.ppid && !isAlive(pid)) rmSync(join(ROOT, name), { recursive: true, force: true });
  }
}

/** The directory of this run's Storybook build, building it if no other suite of the run has. */
export async function buildStorybookOnce(): Promise<string> {
  mkdirSync(ROOT, { recursive: true });
  removeFinishedRuns();
  let builder = false;
  try {
    mkdirSync(RUN_DIR);
    builder = true;
  } catch {
    // Another suite of this run is building (or has built).
  }
  if (builder) {
    try {
      execFileSync('npx', ['storybook', 'build', '-o', OUT_DIR, '--quiet', '--disable-telemetry'], { stdio: 'pipe' });
      writeFileSync(DONE, '');
    } catch (error) {
      const output = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      writeFileSync(FAILED, output);
      throw new Error(`storybook build failed:\n${output}`);
    }
    return OUT_DIR;
  }
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!existsSync(DONE)) {
    if (existsSync(FAILED)) throw new Error(`storybook build failed:\n${readFileSync(FAILED, 'utf8')}`);
    if (Date.now() > deadline) throw new Error('gave up waiting for the storybook build of another suite');
    await sleep(500);
  }
  return OUT_DIR;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The built Storybook, served on 127.0.0.1, and a Chromium to open its stories in. */
export interface StorybookSite {
  openStory(id: string): Promise<{ page: Page; console: string[] }>;
  close(): Promise<void>;
}

/** Serves this run's Storybook build and launches Chromium. */
export async function openStorybook(): Promise<StorybookSite> {
  const dir = await buildStorybookOnce();
  const server: StaticServer = await serveStatic(dir);
  const chromium: TestBrowser = await launchChromium();
  return {
    async openStory(id) {
      const context = await chromium.newContext();
      const page = await context.newPage();
      const console = collectConsole(page);
      await page.goto(`${server.origin('localhost')}/iframe.html?id=${id}&viewMode=story`);
      return { page, console };
    },
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}

/** The ids of the axe violations in the story root (colour contrast included: this is a real browser). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (el: Element) => Promise<{ violations: { id: string }[] }> } }).axe;
    const root = document.querySelector('#storybook-root') ?? document.body;
    const result = await axe.run(root);
    return result.violations.map((v) => v.id);
  });
}
