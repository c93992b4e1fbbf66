// @vitest-environment node
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openStorybook, type StorybookSite } from './storybook';

// The toolbar's globals (theme, locale, user, seed, server state), switched as the toolbar does it: an
// `updateGlobals` event on the preview channel, with no reload of the story's frame.
let site: StorybookSite;

beforeAll(async () => {
  site = await openStorybook();
}, 300_000);

afterAll(async () => {
  await site?.close();
});

async function setGlobals(page: Page, globals: Record<string, string>): Promise<void> {
  await page.evaluate((next) => {
    const channel = (
      window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(name: string, payload: unknown): void } }
    ).__STORYBOOK_ADDONS_CHANNEL__;
    channel.emit('updateGlobals', { globals: next });
  }, globals);
}

async function openList(): Promise<Page> {
  const { page, console } = await site.openStory('components-recordinglist--guest');
  await page
    .getByText(/^Showing 1-10 of \d+$/)
    .waitFor({ timeout: 30_000 })
    .catch(() => {
      throw new Error(`story did not load:\n${console.join('\n')}`);
    });
  // Marks this document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { __rrsNoReload: true }));
  return page;
}

const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __rrsNoReload?: boolean }).__rrsNoReload);

describe('toolbar globals', () => {
  it('should switch the locale to German and back, in place', async () => {
    const page = await openList();
    await setGlobals(page, { locale: 'de' });
    await page.getByText(/^1–10 von \d+$/).waitFor({ timeout: 20_000 });
    expect(await page.locator('[lang="de"]').count()).toBeGreaterThan(0);
    await setGlobals(page, { locale: 'en' });
    await page.getByText(/^Showing 1-10 of \d+$/).waitFor({ timeout: 20_000 });
    expect(await notReloaded(page)).toBe(true);
    await page.context().close();
  }, 90_000);

  it.each(['dark', 'high-contrast', 'light'])(
    'should apply the %s theme to the page and stay axe-clean',
    async (theme) => {
      const page = await openList();
      await setGlobals(page, { theme });
      await page.locator(`html[data-rrs-theme="${theme}"]`).waitFor({ state: 'attached', timeout: 20_000 });
      await page.getByText(/^Showing 1-10 of \d+$/).waitFor({ timeout: 20_000 });
      expect(await axeViolations(page)).toEqual([]);
      expect(await notReloaded(page)).toBe(true);
      await page.context().close();
    },
    90_000,
  );

  it('should rebuild the emulator for another seed and for a failing server', async () => {
    const page = await openList();
    await setGlobals(page, { seed: 'empty' });
    await page.getByText('No recordings found.').waitFor({ timeout: 20_000 });
    await setGlobals(page, { seed: 'many' });
    await page.getByText(/^Showing 1-10 of (10,000|10000|\d{4,})$/).waitFor({ timeout: 20_000 });
    await setGlobals(page, { seed: 'story', fault: 'failing' });
    expect(await page.getByRole('alert').textContent({ timeout: 45_000 })).toMatch(/503/);
    expect(await notReloaded(page)).toBe(true);
    await page.context().close();
  }, 120_000);

  it('should sign in as the chosen user through the token exchange, and back to a guest', async () => {
    const { page } = await site.openStory('components-sessionstatus--guest');
    await page.getByLabel('Portal token').waitFor({ timeout: 30_000 });
    await setGlobals(page, { user: 'admin' });
    await page.getByText('Signed in as admin').waitFor({ timeout: 20_000 });
    await setGlobals(page, { user: 'guest' });
    await page.getByLabel('Portal token').waitFor({ timeout: 20_000 });
    await page.context().close();
  }, 90_000);
});
