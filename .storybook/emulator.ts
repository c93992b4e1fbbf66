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

/** A server that answers every request after 3 s: the stories' Loading state. */
export function slowServer(): ReturnType<typeof emulatorParameters> {
  return emulatorParameters({ faults: { rules: [{ kind: 'latency', latencyMs: 3000 }] } });
}

/** A server whose program requests all fail with 503: the stories' Error state. */
export function failingPrograms(): ReturnType<typeof emulatorParameters> {
  return emulatorParameters({ faults: { rules: [{ kind: 'error', status: 503, path: '/api/manager/programs' }] } });
}
