// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCertificates } from '../../src/emulator/certs';
import { buildPage, type BuiltPage } from './harness/bundle';
import { launchChromium, type TestBrowser } from './harness/chromium';
import { emulatorConfig, startEmulator, type RunningEmulator } from './harness/emulator';
import { listOutcome, openLab } from './harness/lab';
import { serveStatic, type StaticServer } from './harness/static-server';

let bundle: BuiltPage;
let site: StaticServer;
let emulator: RunningEmulator;
let chromium: TestBrowser;
let certDir: string;

beforeAll(async () => {
  // The page is served over https with a throwaway CA made the way the emulator makes its own.
  certDir = mkdtempSync(join(tmpdir(), 'rrs-page-pki-'));
  const pki = ensureCertificates(certDir);
  bundle = await buildPage('lab');
  [site, chromium] = await Promise.all([
    serveStatic(bundle.dir, { tls: { keyPem: pki.keyPem, certPem: pki.certPem } }),
    launchChromium({ trustedCaPems: [pki.caCertPem] }),
  ]);
  emulator = await startEmulator({ allowOrigins: [site.origin('localhost')] });
});

afterAll(async () => {
  await Promise.all([chromium?.close(), emulator?.close(), site?.close()]);
  bundle?.dispose();
  rmSync(certDir, { recursive: true, force: true });
});

describe('a page served over https', () => {
  it('should get the config error, before any request leaves the page, for isSecure: false to a remote host', async () => {
    const context = await chromium.newContext();
    const { page, requests } = await openLab(context, site.origin('localhost'), {
      config: {
        host: 'recordings.example',
        isSecure: false,
        tenantId: 'default',
        authServer: { host: 'recordings.example', isSecure: false, authorizationPath: '/ups/resources/authorization' },
      },
      portalToken: 'portal-alice',
      user: 'alice',
    });
    const error = page.locator('[data-kind]').first();
    await error.waitFor();
    expect(requests.filter((url) => !url.startsWith(site.origin('localhost')))).toEqual([]);
    expect(await error.getAttribute('data-kind')).toBe('config');
    expect(await error.textContent()).toMatch(/https|isSecure|mixed/i);
    await context.close();
  });

  it('should still reach a loopback server over http (Chromium does not block loopback)', async () => {
    const context = await chromium.newContext();
    const { page } = await openLab(context, site.origin('localhost'), { config: emulatorConfig(emulator) });
    expect(await listOutcome(page)).toBe('success');
    expect(emulator.requests.some((r) => r.method === 'GET')).toBe(true);
    await context.close();
  });
});
