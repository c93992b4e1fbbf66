import { http, type RequestHandler } from 'msw';
import { createContext, useContext, useSyncExternalStore } from 'react';
import {
  createRecordingEmulator,
  type EmulatorFaults,
  type EmulatorRequestRecord,
  type RecordingEmulator,
  type RecordingEmulatorOptions,
} from '../src/testing';

/**
 * Every story gets its own emulator on its own host (`story-<n>.recordings.test`), so the stories of a docs
 * page, rendered side by side in one frame, share no state and no faults. One MSW handler routes each request
 * to the emulator of its host.
 */
const STORY_HOST_SUFFIX = '.recordings.test';

/** The emulator of one rendered story, with a subscription to its request log. */
export interface StoryEmulator {
  readonly host: string;
  readonly emulator: RecordingEmulator;
  /** Calls `listener` after each request the emulator answered. */
  subscribe(listener: () => void): () => void;
  /** The request log as of the last answer: a new array after each one (a `useSyncExternalStore` snapshot). */
  requests(): readonly EmulatorRequestRecord[];
  /** Stops answering on this host (a little later, so requests sent while unmounting still get an answer). */
  dispose(): void;
}

const emulators = new Map<string, { story: StoryEmulator; answered: () => void }>();
let stories = 0;

/** Builds the emulator of one rendered story and makes it answer on a host of its own. */
export function createStoryEmulator(options: RecordingEmulatorOptions): StoryEmulator {
  stories += 1;
  const host = `story-${stories}${STORY_HOST_SUFFIX}`;
  const emulator = createRecordingEmulator(options);
  const listeners = new Set<() => void>();
  // The emulator appends to its log in place: a copy per answer gives subscribers a new value to see.
  let requests: readonly EmulatorRequestRecord[] = [...emulator.requests];
  const onAnswered = (): void => {
    requests = [...emulator.requests];
    listeners.forEach((listener) => listener());
  };
  const story: StoryEmulator = {
    host,
    emulator,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    requests: () => requests,
    dispose: () => void setTimeout(() => emulators.delete(host), 10_000),
  };
  emulators.set(host, { story, answered: onAnswered });
  return story;
}

/** Where {@link createStoryEmulator}'s emulators answer: install once in the MSW worker. */
export const storyEmulatorHandlers: RequestHandler[] = [
  http.all(/^https:\/\/story-\d+\.recordings\.test\//, async ({ request }) => {
    const entry = emulators.get(new URL(request.url).host);
    if (!entry) return undefined;
    try {
      return await entry.story.emulator.handle(request);
    } finally {
      entry.answered();
    }
  }),
];

/** Options of the emulator a story runs against, read from `parameters.emulator`. */
export interface EmulatorParameters {
  emulator: RecordingEmulatorOptions;
}

/**
 * Story parameters choosing the story's emulator (seed and faults). Each rendered story builds its own
 * emulator from them, so stories share no state; the toolbar's Seed and Server globals override them.
 */
export function emulatorParameters(options: RecordingEmulatorOptions = {}): EmulatorParameters {
  return { emulator: options };
}

/** Faults: every request answers after 3 s (the stories' Loading state). */
export const SLOW_SERVER: EmulatorFaults = { rules: [{ kind: 'latency', latencyMs: 3000 }] };

/** Faults: every program request fails with 503 (the stories' Error state). */
export const FAILING_PROGRAMS: EmulatorFaults = {
  rules: [{ kind: 'error', status: 503, path: '/api/manager/programs' }],
};

/** A server that answers every request after 3 s: the stories' Loading state. */
export function slowServer(): EmulatorParameters {
  return emulatorParameters({ faults: SLOW_SERVER });
}

/** A server whose program requests all fail with 503: the stories' Error state. */
export function failingPrograms(): EmulatorParameters {
  return emulatorParameters({ faults: FAILING_PROGRAMS });
}

/** The emulator of the story being rendered (set by the preview's decorator). */
export const StoryEmulatorContext = createContext<StoryEmulator | null>(null);

/** The emulator of the surrounding story. */
function useStoryEmulator(): StoryEmulator {
  const story = useContext(StoryEmulatorContext);
  if (!story) throw new Error('useStoryEmulator must be used inside a story rendered by .storybook/preview');
  return story;
}

/** The surrounding story's emulator request log, live: re-renders after every request. */
export function useEmulatorRequests(): readonly EmulatorRequestRecord[] {
  const story = useStoryEmulator();
  return useSyncExternalStore(story.subscribe, story.requests);
}
