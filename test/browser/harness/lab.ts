import type { BrowserContext, Locator, Page } from 'playwright-core';
import { scenarioHash, type Scenario } from '../pages/lab/scenario';
import { collectConsole } from './chromium';

export type { Scenario };

/** A lab page opened in a browser tab, with its console output. */
export interface LabTab {
  page: Page;
  console: string[];
  /** Every URL the page asked the network for (documents, scripts, fetch/XHR), in order. */
  requests: string[];
}

/** Opens the lab page (built by `buildPage('lab')`, served at `origin`) with `scenario`. */
export async function openLab(context: BrowserContext, origin: string, scenario: Scenario): Promise<LabTab> {
  const page = await context.newPage();
  const tab: LabTab = { page, console: collectConsole(page), requests: [] };
  page.on('request', (r) => tab.requests.push(r.url()));
  await page.goto(`${origin}/${scenarioHash(scenario)}`);
  return tab;
}

/** Waits until the recordings list settles and tells how: 'success' or 'error'. */
export async function listOutcome(page: Page): Promise<string | null> {
  const list = page.getByTestId('list');
  await list.and(page.locator('[data-state="success"], [data-state="error"]')).waitFor();
  return list.getAttribute('data-state');
}

/** Clicks "Sign in" and waits for the session to say 'user'. */
export async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await sessionIs(page, 'user');
}

/** Waits until `locator`'s whole text is `text` (Playwright's own wait, no fixed delay). */
export async function waitForText(locator: Locator, text: string): Promise<void> {
  const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await locator.filter({ hasText: exact }).waitFor();
}

/** Waits until the session panel shows `status`. */
export function sessionIs(page: Page, status: string): Promise<void> {
  return waitForText(page.getByTestId('session'), status);
}
