import { http, type RequestHandler } from 'msw';
import type { RecordingEmulator } from '../emulator/emulator';
import { TEST_AUTH_BASE_URL } from './defaults';

/** Where the MSW handlers listen. */
export interface RecordingServiceHandlersOptions {
  /** Recording server base URL, e.g. `https://recordings.test` (its media is served there too). */
  baseUrl: string;
  /**
   * Authorization server base URL (or any URL on it). Defaults to `TEST_AUTH_BASE_URL`, the one
   * `RecordingServiceTestProvider` signs in with; the emulator also answers sign-ins on `baseUrl`.
   */
  authUrl?: string;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * MSW handlers that route every request to `baseUrl` (and `authUrl`) to the emulator, in Node
 * (`setupServer`) and in the browser (`setupWorker`, Storybook). A `reset` fault becomes an MSW
 * network error; a `hang` never answers until the request is aborted.
 *
 * @example
 * const emulator = createRecordingEmulator();
 * const server = setupServer(...recordingServiceHandlers(emulator, { baseUrl: 'https://recordings.test' }));
 */
export function recordingServiceHandlers(
  emulator: RecordingEmulator,
  options: RecordingServiceHandlersOptions,
): RequestHandler[] {
  const origins = new Set([originOf(options.baseUrl), originOf(options.authUrl ?? TEST_AUTH_BASE_URL)]);
  return [...origins].map((origin) => http.all(`${origin}/*`, ({ request }) => emulator.handle(request)));
}
