import type { StoryContext } from '@storybook/react-vite';
import { defaultRecordingServiceMessages, germanRecordingServiceMessages } from '../components';
import type { RecordingServiceMessages } from '../hooks';
import type { RecordingEmulatorOptions } from '../src/testing';
import { FAILING_PROGRAMS, SLOW_SERVER } from './emulator';

/** The toolbar's choices. `story` keeps what the story itself sets. */
export interface StoryGlobals {
  theme: 'system' | 'light' | 'dark' | 'high-contrast';
  locale: 'en' | 'de';
  user: 'story' | 'guest' | 'carol' | 'alice' | 'admin';
  seed: 'story' | 'default' | 'many' | 'empty';
  fault: 'story' | 'none' | 'slow' | 'failing';
}

export const DEFAULT_GLOBALS: StoryGlobals = {
  theme: 'light',
  locale: 'en',
  user: 'story',
  seed: 'story',
  fault: 'story',
};

/** The labels of each locale, complete (the provider's `messages`). */
export const LOCALE_MESSAGES: Record<StoryGlobals['locale'], RecordingServiceMessages> = {
  en: defaultRecordingServiceMessages,
  de: germanRecordingServiceMessages,
};

/** The globals of a story context, defaults filled in. */
export function storyGlobals(context: Pick<StoryContext, 'globals'>): StoryGlobals {
  return { ...DEFAULT_GLOBALS, ...(context.globals as Partial<StoryGlobals>) };
}

/** The labels a story shows under the current locale: plays find controls by them. */
export function storyMessages(context: Pick<StoryContext, 'globals'>): RecordingServiceMessages {
  return LOCALE_MESSAGES[storyGlobals(context).locale] ?? defaultRecordingServiceMessages;
}

/** The story's own emulator options with the toolbar's seed and server state over them. */
export function emulatorOptionsOf(
  parameters: { emulator?: RecordingEmulatorOptions },
  globals: StoryGlobals,
): RecordingEmulatorOptions {
  const options: RecordingEmulatorOptions = { ...parameters.emulator };
  if (globals.seed !== 'story') options.seed = globals.seed;
  if (globals.fault === 'none') delete options.faults;
  if (globals.fault === 'slow') options.faults = SLOW_SERVER;
  if (globals.fault === 'failing') options.faults = FAILING_PROGRAMS;
  return options;
}

/** The login the toolbar signs in as, `null` for a guest, `undefined` to leave it to the story. */
export function globalUser(globals: StoryGlobals): string | null | undefined {
  if (globals.user === 'story') return undefined;
  return globals.user === 'guest' ? null : globals.user;
}
