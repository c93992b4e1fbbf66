// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, type BuiltPage } from './harness/bundle';
import { launchChromium, type TestBrowser } from './harness/chromium';
import { emulatorConfig, startEmulator, type RunningEmulator } from './harness/emulator';
import { listOutcome, openLab, signIn } from './harness/lab';
import { serveStatic, type StaticServer } from './harness/static-server';

const PROGRAM = 'p-004'; // alice's public recording in the default seed
const VENDOR_PROGRAM = 'application/vnd.avaya.asr.program.v2+json';

/** Failing calls are retried with backoff before the error shows: allow for it. */
const NETWORK_ERROR_TIMEOUT = 60_000;
/** The app's retry budget in the blocked-origin case. */
const RETRIES = 2;

let bundle: BuiltPage;
/** The app's origin, allowed by the emulator (as http://127.0.0.1:port and http://localhost:port). */
let allowed: StaticServer;
/** Another origin, not on the emulator's list. */
let foreign: StaticServer;
let emulator: RunningEmulator;
let chromium: TestBrowser;

beforeAll(async () => {
  bundle = await buildPage('lab');
  [allowed, foreign, chromium] = await Promise.all([
    serveStatic(bundle.dir),
    serveStatic(bundle.dir),
    launchChromium(),
  ]);
  emulator = await startEmulator({
    allowOrigins: [allowed.origin('127.0.0.1'), allowed.origin('localhost')],
    // No preflight caching, so every non-simple call shows its own preflight.
    corsMaxAgeSeconds: 0,
  });
});

afterAll(async () => {
  await Promise.all([chromium?.close(), emulator?.close(), allowed?.close(), foreign?.close()]);
  bundle?.dispose();
});

const fromOrigin = (origin: string, since = 0) =>
  emulator.requests.slice(since).filter((r) => r.headers.origin === origin);

describe('CORS from an allowed origin', () => {
  it('should sign in, read, and send preflighted PUT and DELETE with the vendor media types', async () => {
    const context = await chromium.newContext();
    const origin = allowed.origin('127.0.0.1');
    const { page } = await openLab(context, origin, {
      config: emulatorConfig(emulator),
      portalToken: 'portal-alice',
      user: 'alice',
      open: PROGRAM,
    });
    await signIn(page);
    expect(await listOutcome(page)).toBe('success');
    await page.getByTestId('details-name').waitFor();
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByTestId('updated').waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('deleted').waitFor();

    const seen = fromOrigin(origin);
    const preflights = seen
      .filter((r) => r.method === 'OPTIONS')
      .map((r) => r.headers['access-control-request-method']);
    expect(preflights).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE']));
    const putPreflight = seen.find((r) => r.preflight && r.headers['access-control-request-method'] === 'PUT');
    expect(putPreflight?.headers['access-control-request-headers']).toContain('content-type');
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.headers['content-type']).toContain(VENDOR_PROGRAM);
    expect(put?.headers.accept).toContain(VENDOR_PROGRAM);
    const write = seen.filter((r) => r.method === 'PUT' || r.method === 'DELETE');
    expect(write.map((r) => [r.method, r.path, r.status])).toEqual([
      ['PUT', `/api/manager/programs/${PROGRAM}`, 200],
      ['DELETE', `/api/manager/programs/${PROGRAM}`, expect.any(Number)],
    ]);
    expect(write[1]?.status).toBeGreaterThanOrEqual(200);
    expect(write[1]?.status).toBeLessThan(300);
    await context.close();
  });
});

describe('CORS from an origin the server does not allow', () => {
  it(
    'should give a network error with a CORS hint, and not storm the server with retries',
    async () => {
      const context = await chromium.newContext();
      const origin = foreign.origin('127.0.0.1');
      const { page } = await openLab(context, origin, {
        config: emulatorConfig(emulator, { retry: { attempts: RETRIES, baseDelayMs: 50 } }),
        portalToken: 'portal-alice',
        user: 'alice',
      });
      expect(await listOutcome(page)).toBe('error');
      const error = page.getByTestId('list-error');
      expect(await error.getAttribute('data-kind')).toBe('network');
      expect(await error.textContent()).toMatch(/CORS/);
      expect(await page.getByTestId('list').getByRole('listitem').count()).toBe(0);

      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('session-error').waitFor();
      expect(await page.getByTestId('session-error').getAttribute('data-kind')).toBe('network');

      const seen = fromOrigin(origin);
      // The list GET may be retried within the configured budget and no more (nothing may multiply it);
      // the sign-in POST is never sent (its preflight fails) and its preflight is not repeated.
      expect(seen.filter((r) => r.method === 'GET').length).toBeLessThanOrEqual(1 + RETRIES);
      expect(seen.filter((r) => r.method === 'POST')).toEqual([]);
      expect(seen.filter((r) => r.method === 'OPTIONS').length).toBe(1);
      await context.close();
    },
    NETWORK_ERROR_TIMEOUT,
  );
});

describe('withCredentials', () => {
  const run = async (withCredentials: boolean) => {
    const since = emulator.requests.length;
    const context = await chromium.newContext();
    const origin = allowed.origin('localhost');
    const cookie = `rrs_probe_${withCredentials}=yes`;
    const { page } = await openLab(context, origin, {
      config: emulatorConfig(emulator, { host: 'localhost', withCredentials }),
      cookie: `${cookie}; path=/`,
    });
    expect(await listOutcome(page)).toBe('success');
    const gets = fromOrigin(origin, since).filter((r) => r.method === 'GET');
    await context.close();
    return { cookie, gets };
  };

  it('should carry the page cookie to the server on another origin when true', async () => {
    const { cookie, gets } = await run(true);
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((r) => r.headers.cookie?.includes(cookie))).toBe(true);
  });

  it('should not carry it when false', async () => {
    const { cookie, gets } = await run(false);
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.filter((r) => r.headers.cookie?.includes(cookie))).toEqual([]);
  });
});
