/** Base URL of the recording server that `RecordingServiceTestProvider` talks to by default. */
export const TEST_RECORDING_BASE_URL = 'https://recordings.test';
/**
 * Base URL of the authorization server that `RecordingServiceTestProvider` signs in with by default.
 * `recordingServiceHandlers` serves it unless given another `authUrl`.
 */
export const TEST_AUTH_BASE_URL = 'https://auth.recordings.test';
