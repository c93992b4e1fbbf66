// @vitest-environment node
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, type BuiltPage } from './harness/bundle';
import { launchChromium, type TestBrowser } from './harness/chromium';
import { emulatorConfig, startEmulator, type RunningEmulator } from './harness/emulator';
import { listOutcome, openLab, sessionIs, signIn, type Scenario } from './harness/lab';
import { serveStatic, type StaticServer } from './harness/static-server';

const PORTAL_TOKEN = 'portal-alice';

let bundle: BuiltPage;
let site: StaticServer;
let emulator: RunningEmulator;
let chromium: TestBrowser;

beforeAll(async () => {
  bundle = await buildPage('lab');
  [site, chromium] = await Promise.all([serveStatic(bundle.dir), launchChromium()]);
  emulator = await startEmulator({ allowOrigins: [site.origin()] });
});

afterAll(async () => {
  await Promise.all([chromium?.close(), emulator?.close(), site?.close()]);
  bundle?.dispose();
});

const scenario = (storage: 'local' | 'session' | 'memory'): Scenario => ({
  config: emulatorConfig(emulator, { session: { storage } }),
  portalToken: PORTAL_TOKEN,
  user: 'alice',
});

const sessionStatus = (page: Page) => page.getByTestId('session').textContent();

/** Everything the page's origin holds in Web Storage (and its cookies), as one text. */
const webStorage = (page: Page) =>
  page.evaluate(() =>
    JSON.stringify([
      ...[localStorage, sessionStorage].map((s) => Object.keys(s).map((k) => [k, s.getItem(k)])),
      document.cookie,
    ]),
  );

describe('the session in a real browser', () => {
  it("should survive a reload with storage 'local'", async () => {
    const context = await chromium.newContext();
    const { page } = await openLab(context, site.origin(), scenario('local'));
    await signIn(page);
    await page.reload();
    await sessionIs(page, 'user');
    expect(await page.getByTestId('session-user').textContent()).toBe('alice');
    await context.close();
  });

  it("should be gone after a reload with storage 'memory'", async () => {
    const context = await chromium.newContext();
    const { page } = await openLab(context, site.origin(), scenario('memory'));
    await signIn(page);
    const before = emulator.requests.length;
    await page.reload();
    expect(await listOutcome(page)).toBe('success');
    expect(await sessionStatus(page)).toBe('guest');
    const listed = emulator.requests.slice(before).filter((r) => r.method === 'GET');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((r) => 'user' in r.query || 'token' in r.query)).toEqual([]);
    expect(await webStorage(page)).not.toContain('alice');
    await context.close();
  });

  it('should sign the other tab out when one tab signs out', async () => {
    const context = await chromium.newContext();
    const first = await openLab(context, site.origin(), scenario('local'));
    await signIn(first.page);
    const second = await openLab(context, site.origin(), scenario('local'));
    await sessionIs(second.page, 'user');
    await first.page.getByRole('button', { name: 'Sign out' }).click();
    await sessionIs(first.page, 'guest');
    await sessionIs(second.page, 'guest');
    await context.close();
  });

  it.each(['local', 'session'] as const)(
    "should never put the portal token in Web Storage (storage '%s')",
    async (storage) => {
      const context = await chromium.newContext();
      const { page } = await openLab(context, site.origin(), scenario(storage));
      await signIn(page);
      const stored = await webStorage(page);
      expect(stored).toContain('alice');
      expect(stored).not.toContain(PORTAL_TOKEN);
      await page.reload();
      await sessionIs(page, 'user');
      expect(await webStorage(page)).not.toContain(PORTAL_TOKEN);
      await context.close();
    },
  );
});
