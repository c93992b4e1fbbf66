// @vitest-environment node
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openStorybook, type StorybookSite } from './storybook';

// The component stories, built once per run with the other Storybook suites, opened in Chromium and
// checked with axe (colour contrast included) and the keyboard.
let site: StorybookSite;

beforeAll(async () => {
  site = await openStorybook();
}, 300_000);

afterAll(async () => {
  await site?.close();
});

/** Opens a story and waits until `ready` (given the page) is visible; fails with the console otherwise. */
async function open(
  id: string,
  ready: (page: Page) => Locator,
  timeout = 30_000,
  state: 'visible' | 'attached' = 'visible',
): Promise<Page> {
  const { page, console } = await site.openStory(id);
  await ready(page)
    .first()
    .waitFor({ timeout, state })
    .catch(() => {
      throw new Error(`story ${id} did not get ready:\n${console.join('\n')}`);
    });
  return page;
}

const summary = (page: Page) => page.getByText(/^Showing \d+-\d+ of \d+$/);

describe('component stories, accessibly', () => {
  const cases: Array<[string, (page: Page) => Locator]> = [
    ['components-sessionstatus--guest', (p) => p.getByLabel('Portal token')],
    ['components-sessionstatus--signed-in', (p) => p.getByText('Signed in as alice')],
    ['components-recordinglist--guest', summary],
    ['components-recordinglist--empty', (p) => p.getByText('No recordings found.')],
    ['components-recordingfilters--default', (p) => p.getByRole('combobox', { name: 'Category' })],
    ['components-recordingdetails--guest', (p) => p.getByRole('heading', { level: 2 })],
    ['components-recordingdetails--owner', (p) => p.getByRole('button', { name: 'Edit' })],
    ['components-recordingdetails--locked', (p) => p.getByLabel('Password', { exact: true })],
    ['components-recordingeditor--default', (p) => p.getByRole('textbox', { name: 'Name' })],
    ['components-recordingplayer--default', (p) => p.locator('video[data-source]')],
    ['components-recordingbrowser--guest', summary],
    ['components-broadcastschedule--guest', (p) => p.getByRole('tabpanel').getByRole('listitem')],
    ['components-recordingqa--moderator', (p) => p.getByRole('button', { name: /unanswered/ })],
    ['components-recyclebin--signed-in', (p) => p.getByRole('button', { name: 'Restore' })],
    ['components-accessreporttable--signed-in', (p) => p.getByRole('table')],
    ['components-viewerreport--signed-in', (p) => p.getByText('Total views')],
    ['components-deleterecordingbutton--default', (p) => p.getByRole('button', { name: 'Delete' })],
  ];
  it.each(cases)(
    '%s should have no axe violations',
    async (id, ready) => {
      const page = await open(id, ready);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
    90_000,
  );
});

describe('component stories, in use', () => {
  it('SessionStatus should sign in with the keyboard and never show the portal token', async () => {
    const page = await open('components-sessionstatus--guest', (p) => p.getByLabel('Portal token'));
    await page.getByLabel('Portal token').focus();
    await page.keyboard.type('portal-alice');
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as alice').waitFor({ timeout: 20_000 });
    expect(await page.content()).not.toContain('portal-alice');
    await page.context().close();
  }, 90_000);

  it('SessionStatus should show a failed sign-in as an alert', async () => {
    const page = await open('components-sessionstatus--error', (p) => p.getByLabel('Portal token'));
    await page.getByLabel('Portal token').fill('portal-alice');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent({ timeout: 30_000 })).toMatch(/503/);
    await page.context().close();
  }, 90_000);

  it('RecordingList should load real thumbnails, move with the arrows and page with the keyboard', async () => {
    const page = await open('components-recordinglist--guest', summary);
    await page.waitForFunction(() => {
      const images = [...document.querySelectorAll<HTMLImageElement>('img.rrs-list__thumbnail')];
      images.forEach((image) => image.scrollIntoView());
      return images.length > 0 && images.every((image) => image.complete && image.naturalWidth > 0);
    });
    const items = page.getByRole('list', { name: 'Recordings' }).getByRole('button');
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await items.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Next page' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Showing 11-\d+ of/).waitFor({ timeout: 20_000 });
    await page.context().close();
  }, 90_000);

  it('RecordingList should show a server failure with its status', async () => {
    const page = await open('components-recordinglist--error', (p) => p.getByRole('alert'), 45_000);
    expect(await page.getByRole('alert').textContent()).toMatch(/503/);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await page.context().close();
  }, 90_000);

  it('RecordingBrowser should open a recording and play it', async () => {
    const page = await open('components-recordingbrowser--guest', summary);
    await page.getByRole('list', { name: 'Recordings' }).getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2 });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator('video[data-source]').waitFor({ timeout: 20_000 });
    // The media is real: Chromium reads its metadata through the service worker.
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, undefined, {
      timeout: 30_000,
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it.each([
    ['components-recordingplayer--default', ['hls', 'hls.js']],
    ['components-recordingplayer--file-only', ['mp4']],
  ])(
    '%s should play the real media to its end',
    async (id, sources) => {
      const page = await open(id, (p) => p.locator('video[data-source]'));
      // A source Chromium cannot play hands over to the next one; wait for one that has loaded.
      await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, undefined, {
        timeout: 30_000,
      });
      expect(sources).toContain(await page.locator('video').getAttribute('data-source'));
      await page.evaluate(() => {
        const video = document.querySelector('video')!;
        video.muted = true;
        return video.play();
      });
      await page.waitForFunction(() => document.querySelector('video')?.ended === true, undefined, { timeout: 30_000 });
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.context().close();
    },
    90_000,
  );

  it('RecordingDetails should unlock a protected recording with its password', async () => {
    const page = await open('components-recordingdetails--locked', (p) => p.getByLabel('Password', { exact: true }));
    await page.getByLabel('Password', { exact: true }).fill('1234');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /^Thumbnail of/ }).waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it('BroadcastSchedule should move between tabs with the arrow keys', async () => {
    const page = await open('components-broadcastschedule--guest', (p) => p.getByRole('tab', { name: 'On air now' }));
    await page.getByRole('tab', { name: 'On air now' }).focus();
    await page.keyboard.press('ArrowRight');
    const today = page.getByRole('tab', { name: 'Today' });
    expect(await today.getAttribute('aria-selected')).toBe('true');
    expect(await today.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  }, 90_000);

  it('DeleteRecordingButton should confirm in a modal dialog, keep the focus off the page, and give it back on Escape', async () => {
    const page = await open('components-deleterecordingbutton--default', (p) =>
      p.getByRole('button', { name: 'Delete' }),
    );
    const trigger = page.getByRole('button', { name: 'Delete' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // A native modal <dialog>: the rest of the page is inert, so Tab never reaches the page behind it.
    expect(await dialog.evaluate((el) => el.matches(':modal'))).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Tab');
      const outside = await dialog.evaluate(
        (el) => document.activeElement !== document.body && !el.contains(document.activeElement),
      );
      expect(outside).toBe(false);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  }, 90_000);

  it('RecordingQA should let a moderator answer', async () => {
    const page = await open('components-recordingqa--moderator', (p) => p.getByRole('button', { name: /unanswered/ }));
    await page.getByRole('button', { name: /unanswered/ }).click();
    await page.getByText('Is there a recording? <b>bold?</b>').waitFor({ timeout: 20_000 });
    await page.getByRole('textbox', { name: 'Answer' }).fill('Yes, tomorrow.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('log').getByText('Yes, tomorrow.').waitFor({ timeout: 20_000 });
    expect(await page.content()).not.toContain('4321');
    await page.context().close();
  }, 90_000);
});
