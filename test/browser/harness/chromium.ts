import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
];

export interface LaunchOptions {
  /**
   * CA certificates (PEM) Chromium trusts for TLS server authentication, through a throwaway NSS
   * database under a temporary HOME. Nothing else is trusted beyond the system roots.
   */
  trustedCaPems?: string[];
  /** Extra command-line switches (tests of the protections use this to remove one). */
  extraArgs?: string[];
}

export interface TestBrowser {
  browser: Browser;
  /** A fresh, isolated context (own cookies and storage). */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

function nssDatabase(home: string, caPems: string[]): void {
  const db = join(home, '.pki', 'nssdb');
  mkdirSync(db, { recursive: true });
  execFileSync('certutil', ['-d', `sql:${db}`, '-N', '--empty-password'], { stdio: 'pipe' });
  caPems.forEach((pem, i) => {
    const file = join(home, `ca-${i}.pem`);
    writeFileSync(file, pem);
    execFileSync('certutil', ['-d', `sql:${db}`, '-A', '-t', 'C,,', '-n', `test-ca-${i}`, '-i', file], {
      stdio: 'pipe',
    });
  });
}

/**
 * Launches headless Debian Chromium with a fresh profile and a temporary HOME. Close it in `afterAll`.
 * Refuses a blanket `--ignore-certificate-errors`.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser> {
  if (
    options.extraArgs?.some((a) => a === '--ignore-certificate-errors' || a.startsWith('--ignore-certificate-errors='))
  )
    throw new Error(
      'a blanket --ignore-certificate-errors would void the TLS suites: trust a CA or pin one SPKI instead',
    );
  const home = mkdtempSync(join(tmpdir(), 'rrs-chromium-'));
  nssDatabase(home, options.trustedCaPems ?? []);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...ARGS, ...(options.extraArgs ?? [])],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
  });
  return {
    browser,
    newContext: () => browser.newContext(),
    close: async () => {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Collects a page's console messages and uncaught errors, for assertions and for failure output. */
export function collectConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m: ConsoleMessage) => lines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  return lines;
}
