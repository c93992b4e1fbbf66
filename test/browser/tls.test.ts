// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, type BuiltPage } from './harness/bundle';
import { launchChromium, type TestBrowser } from './harness/chromium';
import { emulatorConfig, startEmulator, type RunningEmulator } from './harness/emulator';
import { listOutcome, openLab, signIn, waitForText } from './harness/lab';
import { serveStatic, type StaticServer } from './harness/static-server';

const PROGRAM = 'p-004'; // alice's public recording in the default seed

/** Failing calls are retried with backoff before the error shows: allow for it. */
const NETWORK_ERROR_TIMEOUT = 60_000;

let bundle: BuiltPage;
let site: StaticServer;
let secure: RunningEmulator;
let trusting: TestBrowser;
let distrusting: TestBrowser;

beforeAll(async () => {
  bundle = await buildPage('lab');
  site = await serveStatic(bundle.dir);
  secure = await startEmulator({ secure: true, allowOrigins: [site.origin()] });
  if (!secure.caCertPem) throw new Error('the secure emulator gave no CA certificate');
  [trusting, distrusting] = await Promise.all([
    launchChromium({ trustedCaPems: [secure.caCertPem] }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await Promise.all([trusting?.close(), distrusting?.close(), secure?.close(), site?.close()]);
  bundle?.dispose();
});

describe('isSecure: true against the HTTPS emulator whose CA Chromium trusts', () => {
  it('should sign in, list, show details, update, delete and restore, all over TLS', async () => {
    const context = await trusting.newContext();
    const { page } = await openLab(context, site.origin(), {
      config: emulatorConfig(secure, { secure: true }),
      portalToken: 'portal-alice',
      user: 'alice',
      open: PROGRAM,
      bin: true,
    });
    await signIn(page);
    expect(await listOutcome(page)).toBe('success');
    expect(await page.getByTestId('list').getByRole('listitem').count()).toBeGreaterThan(0);

    const name = page.getByTestId('details-name');
    await name.waitFor();
    const original = await name.textContent();
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByTestId('updated').waitFor();
    await waitForText(name, `${original} (renamed)`);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('deleted').waitFor();
    const restore = page.getByRole('button', { name: `Restore ${original} (renamed)` });
    await restore.click();
    await page.getByTestId('restored').waitFor();
    await restore.waitFor({ state: 'detached' });

    const calls = secure.requests.filter((r) => r.method !== 'OPTIONS');
    expect(calls.map((r) => r.method)).toEqual(expect.arrayContaining(['POST', 'GET', 'PUT', 'DELETE']));
    expect(calls.every((r) => r.secure)).toBe(true);
    await context.close();
  });
});

describe('isSecure: true with exactly the emulator key pinned (--ignore-certificate-errors-spki-list)', () => {
  it('should list over TLS', async () => {
    if (!secure.spkiSha256) throw new Error('the secure emulator gave no SPKI hash');
    const pinning = await launchChromium({ extraArgs: [`--ignore-certificate-errors-spki-list=${secure.spkiSha256}`] });
    try {
      const { page } = await openLab(await pinning.newContext(), site.origin(), {
        config: emulatorConfig(secure, { secure: true }),
      });
      expect(await listOutcome(page)).toBe('success');
    } finally {
      await pinning.close();
    }
  });
});

describe('isSecure: true against an emulator whose certificate Chromium does not trust', () => {
  it(
    'should give a network error with a hint and show nothing as loaded',
    async () => {
      const before = secure.requests.length;
      const context = await distrusting.newContext();
      const { page } = await openLab(context, site.origin(), { config: emulatorConfig(secure, { secure: true }) });
      expect(await listOutcome(page)).toBe('error');
      const error = page.getByTestId('list-error');
      expect(await error.getAttribute('data-kind')).toBe('network');
      expect(await error.textContent()).toMatch(/certificate/i);
      expect(await page.getByTestId('total').count()).toBe(0);
      expect(await page.getByTestId('list').getByRole('listitem').count()).toBe(0);
      expect(secure.requests.length).toBe(before);
      await context.close();
    },
    NETWORK_ERROR_TIMEOUT,
  );
});

describe('isSecure: true against a port that speaks plain HTTP', () => {
  it(
    'should fail with a network error, and no request reaches the server in plain text',
    async () => {
      const plain = await startEmulator({ allowOrigins: [site.origin()] });
      try {
        const context = await trusting.newContext();
        const { page } = await openLab(context, site.origin(), { config: emulatorConfig(plain, { secure: true }) });
        const outcome = await listOutcome(page);
        expect(plain.requests.map((r) => `${r.method} ${r.path}`)).toEqual([]);
        expect(plain.clientErrorCount).toBeGreaterThan(0);
        expect(outcome).toBe('error');
        expect(await page.getByTestId('list-error').getAttribute('data-kind')).toBe('network');
        await context.close();
      } finally {
        await plain.close();
      }
    },
    NETWORK_ERROR_TIMEOUT,
  );
});
