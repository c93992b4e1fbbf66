import { act, renderHook, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useRecordings, useRecordingSession } from '../../hooks';
import {
  createRecordingEmulator,
  recordingServiceHandlers,
  RecordingServiceTestProvider,
  TEST_RECORDING_BASE_URL,
} from '../../src/testing';

// Written as an app's test would be, from the testing entry alone: handlers for the base URL only.
const emulator = createRecordingEmulator();
const server = setupServer(...recordingServiceHandlers(emulator, { baseUrl: TEST_RECORDING_BASE_URL }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('RecordingServiceTestProvider with recordingServiceHandlers', () => {
  it('should list as a guest, then sign in and list with the user rights, with no authUrl given', async () => {
    const { result } = renderHook(() => ({ session: useRecordingSession(), list: useRecordings({ count: 5 }) }), {
      wrapper: RecordingServiceTestProvider,
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const guestTotal = result.current.list.data!.totalItemCount;
    await act(() => result.current.session.signIn('portal-admin', 'admin'));
    expect(result.current.session.status).toBe('user');
    await waitFor(() => expect(result.current.list.data?.totalItemCount).toBeGreaterThan(guestTotal));
  });
});
