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

/** One entry of the build's `index.json`. */
export interface StoryIndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

/** The stories of this run's build (from its `index.json`), e.g. those tagged `play-fn` (they have a play). */
export async function storyIndex(): Promise<StoryIndexEntry[]> {
  const dir = await buildStorybookOnce();
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    entries: Record<string, StoryIndexEntry>;
  };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

/** How a story's render and play ended, as Storybook's preview announced it on its channel. */
export interface StoryOutcome {
  /** `storyFinished`'s status: `error` when the play threw, a report failed (axe) or errors went unhandled. */
  status: 'success' | 'error' | 'timeout';
  /** What went wrong, one line each: the play's exception, render errors, failed reports, unhandled errors. */
  failures: string[];
}

/**
 * Runs before any script of the page: records the events of Storybook's preview channel in
 * `window.__rrsStoryEvents` from the moment the channel is installed on `__STORYBOOK_ADDONS_CHANNEL__`.
 */
function recordChannelEvents(): void {
  type Channel = { on(name: string, listener: (payload: unknown) => void): void };
  const events: Array<{ name: string; payload: unknown }> = [];
  (window as unknown as { __rrsStoryEvents: typeof events }).__rrsStoryEvents = events;
  const watched = new WeakSet<Channel>();
  const summary = (name: string, payload: unknown): unknown => {
    if (name !== 'storyFinished') return JSON.parse(JSON.stringify(payload ?? null));
    const finished = payload as {
      status: string;
      reporters: Array<{
        type: string;
        status: string;
        result?: { violations?: Array<{ id: string }>; error?: unknown };
      }>;
    };
    return {
      status: finished.status,
      reports: finished.reporters.map((report) => ({
        type: report.type,
        status: report.status,
        violations: report.result?.violations?.map((violation) => violation.id) ?? [],
        error: report.result?.error ? String(report.result.error) : undefined,
      })),
    };
  };
  const names = [
    'storyFinished',
    'playFunctionThrewException',
    'storyThrewException',
    'storyErrored',
    'storyMissing',
    'unhandledErrorsWhilePlaying',
  ];
  let channel: Channel | undefined;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (next: Channel | undefined) => {
      channel = next;
      if (!next || watched.has(next)) return;
      watched.add(next);
      names.forEach((name) => next.on(name, (payload) => events.push({ name, payload: summary(name, payload) })));
    },
  });
}

function describeFailure(name: string, payload: unknown): string {
  const error = payload as { message?: string; description?: string; title?: string } | null;
  if (name === 'unhandledErrorsWhilePlaying') {
    return `unhandled errors while playing: ${(payload as Array<{ message?: string }>).map((e) => e.message).join('; ')}`;
  }
  return `${name}: ${error?.message ?? error?.description ?? error?.title ?? JSON.stringify(payload)}`;
}

/** The built Storybook, served on 127.0.0.1, and a Chromium to open its stories in. */
export interface StorybookSite {
  openStory(id: string): Promise<{ page: Page; console: string[] }>;
  /**
   * Opens a story in iframe.html, lets Storybook render it and run its play, and reports how that ended
   * (from the preview channel's `storyFinished`, `playFunctionThrewException`, `storyThrewException`,
   * `storyErrored`). The page is closed afterwards.
   */
  playStory(id: string, timeoutMs?: number): Promise<StoryOutcome & { console: string[] }>;
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
      await page.addInitScript(recordChannelEvents);
      await page.goto(`${server.origin('localhost')}/iframe.html?id=${id}&viewMode=story`);
      return { page, console };
    },
    async playStory(id, timeoutMs = 60_000) {
      const context = await chromium.newContext();
      const page = await context.newPage();
      const console = collectConsole(page);
      await page.addInitScript(recordChannelEvents);
      await page.goto(`${server.origin('localhost')}/iframe.html?id=${id}&viewMode=story`);
      const ended = ['storyFinished', 'storyErrored', 'storyMissing'];
      const finished = await page
        .waitForFunction(
          (names) =>
            (window as unknown as { __rrsStoryEvents: Array<{ name: string }> }).__rrsStoryEvents.some((event) =>
              names.includes(event.name),
            ),
          ended,
          { timeout: timeoutMs, polling: 200 },
        )
        .then(() => true)
        .catch(() => false);
      const events = await page.evaluate(
        () => (window as unknown as { __rrsStoryEvents: Array<{ name: string; payload: unknown }> }).__rrsStoryEvents,
      );
      await context.close();
      const failures: string[] = [];
      let status: StoryOutcome['status'] = finished ? 'success' : 'timeout';
      for (const { name, payload } of events) {
        if (name === 'storyFinished') {
          const result = payload as {
            status: 'success' | 'error';
            reports: Array<{ type: string; status: string; violations: string[]; error?: string }>;
          };
          if (result.status === 'error') status = 'error';
          for (const report of result.reports) {
            if (report.status !== 'failed') continue;
            failures.push(`${report.type} report failed: ${report.error ?? report.violations.join(', ')}`);
          }
        } else {
          status = 'error';
          failures.push(describeFailure(name, payload));
        }
      }
      if (!finished) failures.push(`the story did not finish within ${timeoutMs} ms`);
      return { status, failures, console };
    },
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}

/** The ids of the axe violations in the story root (colour contrast included: this is a real browser). */
export async function axeViolations(page: Page): Promise<string[]> {
  // addon-a11y runs its own axe once the story has rendered: let it finish, as two runs at once are refused.
  await page
    .waitForFunction(
      () =>
        (window as unknown as { __rrsStoryEvents?: Array<{ name: string }> }).__rrsStoryEvents?.some(
          (event) => event.name === 'storyFinished',
        ) ?? true,
      undefined,
      { timeout: 30_000, polling: 100 },
    )
    .catch(() => {});
  await page.addScriptTag({ content: axeSource });
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (el: Element) => Promise<{ violations: { id: string }[] }> } })
          .axe;
        const root = document.querySelector('#storybook-root') ?? document.body;
        const result = await axe.run(root);
        return result.violations.map((v) => v.id);
      });
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('Axe is already running')) throw error;
      await sleep(250);
    }
  }
}
