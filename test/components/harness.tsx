import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { StrictMode, useEffect, useRef, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { useRecordingSession } from '../../hooks/useRecordingSession';
import type { RecordingServiceMessages } from '../../src/react/messages';
import {
  createRecordingEmulator,
  createTestQueryClient,
  recordingServiceHandlers,
  RecordingServiceTestProvider,
  TEST_AUTH_BASE_URL,
  TEST_RECORDING_BASE_URL,
  type RecordingEmulator,
  type RecordingEmulatorOptions,
} from '../../src/testing';

/**
 * One MSW server for the file; a fresh emulator (default seed unless `options` says otherwise) before each
 * test. `useEmulator(options)` swaps in another one inside a test.
 */
export function setupEmulator(options: RecordingEmulatorOptions = {}) {
  const server = setupServer();
  let current: RecordingEmulator | undefined;
  const useEmulator = (own: RecordingEmulatorOptions = options): RecordingEmulator => {
    current = createRecordingEmulator(own);
    server.resetHandlers(
      ...recordingServiceHandlers(current, { baseUrl: TEST_RECORDING_BASE_URL, authUrl: TEST_AUTH_BASE_URL }),
    );
    return current;
  };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    useEmulator();
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    server,
    useEmulator,
    emulator: (): RecordingEmulator => {
      if (!current) throw new Error('no emulator yet');
      return current;
    },
  };
}

/** Renders its children once the emulator user `login` is signed in (through the real token exchange). */
function SignedInAs({ login, children }: { login: string; children: ReactNode }): ReactNode {
  const { status, signIn } = useRecordingSession();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void signIn(`portal-${login}`, login);
  }, [signIn, login]);
  return status === 'user' ? children : null;
}

/** Options of {@link renderWithService}. */
export interface RenderOptions {
  /** Sign in as this emulator user before the UI mounts. */
  as?: string;
  messages?: Partial<RecordingServiceMessages>;
}

/** Renders `ui` in StrictMode inside a fresh test provider (fresh client and QueryClient). */
export function renderWithService(
  ui: ReactNode,
  { as, messages }: RenderOptions = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = createTestQueryClient();
  const result = render(
    <StrictMode>
      <RecordingServiceTestProvider queryClient={queryClient} {...(messages && { messages })}>
        {as ? <SignedInAs login={as}>{ui}</SignedInAs> : ui}
      </RecordingServiceTestProvider>
    </StrictMode>,
  );
  return { ...result, queryClient };
}

/** Fails with the ids and elements of every axe violation (colour contrast cannot be computed in jsdom). */
export async function expectAccessible(container: Element): Promise<void> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

/** The requests the emulator saw whose path ends with `suffix` (method `GET` unless given). */
export function requestsTo(emulator: RecordingEmulator, suffix: string | RegExp, method = 'GET') {
  return emulator.requests.filter(
    (r) => r.method === method && (typeof suffix === 'string' ? r.path.endsWith(suffix) : suffix.test(r.path)),
  );
}
