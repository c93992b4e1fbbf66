// @vitest-environment node
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openStorybook, type StorybookSite } from './storybook';

// What `npm start` shows, checked for real (see ./storybook.ts; the build is shared with the other suites).
let site: StorybookSite;

beforeAll(async () => {
  site = await openStorybook();
}, 300_000);

afterAll(async () => {
  await site?.close();
});

function openStory(id: string): Promise<{ page: Page; console: string[] }> {
  return site.openStory(id);
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
  }, 60_000);

  it('should page forward with the keyboard', async () => {
    const { page } = await openStory('hooks-userecordings--guest');
    await page.getByText(/^1–10 of/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    // The settled second page (the default seed has 13 public recordings); not the placeholder "11–20 of 13 (updating)".
    await page.getByText(/^11–\d+ of \d+$/).waitFor({ timeout: 20_000 });
    await page.context().close();
  }, 60_000);

  it('should show the loading state while the server is slow', async () => {
    const { page } = await openStory('hooks-userecordings--loading');
    await page.getByRole('status').filter({ hasText: 'Loading recordings' }).waitFor({ timeout: 20_000 });
    await page.getByText(/^1–10 of/).waitFor({ timeout: 20_000 });
    await page.context().close();
  }, 60_000);

  it('should show the empty state', async () => {
    const { page } = await openStory('hooks-userecordings--empty');
    await page.getByText('No recordings.').waitFor({ timeout: 20_000 });
    await page.context().close();
  }, 60_000);

  it('should show the server error with its status', async () => {
    const { page } = await openStory('hooks-userecordings--error');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/503/);
    await page.context().close();
  }, 60_000);

  it('should page through 10,000 programs', async () => {
    const { page } = await openStory('hooks-userecordings--many');
    await page.getByText(/^1–10 of \d{3,}/).waitFor({ timeout: 20_000 });
    await page.context().close();
  }, 60_000);
});
