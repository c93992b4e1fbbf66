import {
  createRecordingEmulator,
  recordingServiceHandlers,
  TEST_AUTH_BASE_URL,
  TEST_RECORDING_BASE_URL,
  type RecordingEmulatorOptions,
} from '../src/testing';

/**
 * Story parameters that serve the given emulator through the MSW service worker. Each call builds a new
 * emulator, so stories share no state.
 */
export function emulatorParameters(options: RecordingEmulatorOptions = {}): {
  msw: { handlers: ReturnType<typeof recordingServiceHandlers> };
} {
  const emulator = createRecordingEmulator(options);
  return {
    msw: {
      handlers: recordingServiceHandlers(emulator, { baseUrl: TEST_RECORDING_BASE_URL, authUrl: TEST_AUTH_BASE_URL }),
    },
  };
}
