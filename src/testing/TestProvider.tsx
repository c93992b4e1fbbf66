'use client';

import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { RecordingServiceConfig } from '../core/config';
import { RecordingServiceProvider, type RecordingServiceProviderProps } from '../react/provider';
import { TEST_AUTH_BASE_URL, TEST_RECORDING_BASE_URL } from './defaults';

export { TEST_AUTH_BASE_URL, TEST_RECORDING_BASE_URL };

/**
 * The config {@link RecordingServiceTestProvider} uses unless given another: the servers above, tenant
 * `default` (the emulator seeds'), the session kept in memory only, no retries (a test sees the first
 * failure), and the emulator's authorization path.
 */
export const TEST_RECORDING_CONFIG: Readonly<RecordingServiceConfig> = {
  host: 'recordings.test',
  isSecure: true,
  tenantId: 'default',
  authServer: { host: 'auth.recordings.test', isSecure: true, authorizationPath: '/ups/resources/authorization' },
  retry: { attempts: 0 },
  session: { storage: 'memory' },
};

/**
 * A QueryClient for one test: no retries (queries and mutations), so failures show at once; every other
 * default as in production. Pass `config` to change any option. Build a new one per test.
 *
 * @example
 * const queryClient = createTestQueryClient();
 * render(<RecordingServiceTestProvider queryClient={queryClient}><List /></RecordingServiceTestProvider>);
 */
export function createTestQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: { retry: false, ...config.defaultOptions?.queries },
      mutations: { retry: false, ...config.defaultOptions?.mutations },
    },
  });
}

/** Props of {@link RecordingServiceTestProvider}: the provider's, with every field optional. */
export interface RecordingServiceTestProviderProps extends Partial<Omit<RecordingServiceProviderProps, 'config'>> {
  /** Merged over {@link TEST_RECORDING_CONFIG}. */
  config?: Partial<RecordingServiceConfig>;
  children?: ReactNode;
}

/**
 * `<RecordingServiceProvider>` for tests and stories: a fresh client and a fresh test QueryClient per mount,
 * pointed at {@link TEST_RECORDING_BASE_URL} (serve it with `recordingServiceHandlers(emulator, { baseUrl })`).
 *
 * @example
 * const emulator = createRecordingEmulator();
 * server.use(...recordingServiceHandlers(emulator, { baseUrl: TEST_RECORDING_BASE_URL, authUrl: TEST_AUTH_BASE_URL }));
 * renderHook(() => useRecordings(), { wrapper: RecordingServiceTestProvider });
 */
export function RecordingServiceTestProvider({
  config,
  queryClient,
  children,
  ...props
}: RecordingServiceTestProviderProps): ReactNode {
  const [ownQueryClient] = useState(() => queryClient ?? createTestQueryClient());
  return (
    <RecordingServiceProvider
      config={{ ...TEST_RECORDING_CONFIG, ...config }}
      queryClient={queryClient ?? ownQueryClient}
      {...props}
    >
      {children}
    </RecordingServiceProvider>
  );
}
