// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorybook, storyIndex, type StorybookSite } from './storybook';

// Every story with a play function (Storybook tags them `play-fn`), opened in Chromium as the Interactions
// panel would run it: the test fails when the play throws, the story fails to render, errors go unhandled
// while playing, or the axe report of the addon-a11y (run after the play) fails.
const stories = (await storyIndex()).filter((entry) => entry.tags?.includes('play-fn'));

let site: StorybookSite;

beforeAll(async () => {
  site = await openStorybook();
}, 300_000);

afterAll(async () => {
  await site?.close();
});

describe('story plays', () => {
  it('should find the stories with a play', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  it.each(stories.map((entry) => [`${entry.title} / ${entry.name}`, entry.id] as const))(
    '%s should play through',
    async (_, id) => {
      const outcome = await site.playStory(id);
      expect(
        outcome.failures,
        outcome.failures.length ? `console:\n${outcome.console.slice(-20).join('\n')}` : undefined,
      ).toEqual([]);
      expect(outcome.status).toBe('success');
    },
    90_000,
  );
});
