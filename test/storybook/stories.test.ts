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
    const items = page.getByRole('region', { name: 'Recordings' }).getByRole('listitem');
    // A settled page: its range without the placeholder's " (updating)".
    const settled = (from: number, to: number) => page.getByText(new RegExp(`^${from}–${to} of \\d{3,}$`));
    await settled(1, 10).waitFor({ timeout: 20_000 });
    const pages = [await items.allTextContents()];
    expect(new Set(pages[0]).size).toBe(10);

    for (const from of [11, 21, 31]) {
      await page.getByRole('button', { name: 'Next' }).focus();
      await page.keyboard.press('Enter');
      await settled(from, from + 9).waitFor({ timeout: 20_000 });
      const shown = await items.allTextContents();
      expect(shown).toHaveLength(10);
      // Ten recordings of none of the pages before.
      expect(shown.filter((item) => pages.flat().includes(item))).toEqual([]);
      pages.push(shown);
    }

    await page.getByRole('button', { name: 'Previous' }).click();
    await settled(21, 30).waitFor({ timeout: 20_000 });
    expect(await items.allTextContents()).toEqual(pages[2]);
    await page.context().close();
  }, 60_000);
});

describe('RecordingList stories', () => {
  it('should load the next pages of 10,000 recordings as the virtual list scrolls', async () => {
    // Its play loads the second page with "Load more"; from there the user scrolls.
    const { page } = await openStory('components-recordinglist--load-more');
    const summary = (count: number) => page.getByText(new RegExp(`^Showing 1-${count} of \\d{3,}$`));
    await summary(20).waitFor({ timeout: 20_000 });
    const viewport = page.locator('.rrs-list__viewport');
    const rows = page.getByRole('list', { name: 'Recordings' }).getByRole('listitem');

    // With the mouse: the wheel takes the box to the end of what is loaded, and the next page comes in.
    await viewport.hover();
    await page.mouse.wheel(0, 100_000);
    await summary(30).waitFor({ timeout: 20_000 });
    // With the keyboard: End moves to the last loaded recording, scrolling to it, and the next page comes in.
    await rows.getByRole('button').first().focus();
    await page.keyboard.press('End');
    await summary(40).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'))).toBe('30');

    // The rows in view are from the later pages, numbered as such, and drawn with their recordings' names.
    const inView = await rows.evaluateAll((items) => {
      const box = document.querySelector('.rrs-list__viewport')!.getBoundingClientRect();
      return items
        .filter((item) => {
          const rect = item.getBoundingClientRect();
          return rect.bottom > box.top && rect.top < box.bottom;
        })
        .map((item) => ({ position: Number(item.getAttribute('aria-posinset')), text: item.textContent ?? '' }));
    });
    expect(inView.length).toBeGreaterThan(0);
    inView.forEach(({ position, text }) => {
      expect(position).toBeGreaterThan(20);
      expect(text.trim()).not.toBe('');
    });
    // Virtual: of the 40 loaded, only those around the view are in the DOM.
    expect(await rows.count()).toBeLessThan(40);
    await page.context().close();
  }, 90_000);
});
