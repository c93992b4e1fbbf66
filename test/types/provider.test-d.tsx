import { QueryClient } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  RecordingServiceProvider,
  useRecordingClient,
  useRecordingService,
  type RecordingClient,
  type RecordingContext,
  type RecordingServiceError,
  type RecordingServiceMessages,
  type RecordingServiceProviderProps,
} from '../../hooks/index';
import type { ResolvedRecordingServiceConfig } from '../../src/core/config';

const config = { host: 'rec.example.com', isSecure: true, tenantId: 'default' };

describe('RecordingServiceProvider types', () => {
  it('takes config, and optionally queryClient, onSessionExpired and messages', () => {
    expectTypeOf<RecordingServiceProviderProps['queryClient']>().toEqualTypeOf<QueryClient | undefined>();
    expectTypeOf<RecordingServiceProviderProps['onSessionExpired']>().toEqualTypeOf<
      ((error: RecordingServiceError) => void) | undefined
    >();
    expectTypeOf<RecordingServiceProviderProps['messages']>().toEqualTypeOf<
      Partial<RecordingServiceMessages> | undefined
    >();
    void (
      <RecordingServiceProvider
        config={config}
        queryClient={new QueryClient()}
        onSessionExpired={(error) => error.kind}
        messages={{ loading: 'Chargement…' }}
      />
    );
    void (<RecordingServiceProvider config={{ ...config, port: 8443, timeoutMs: 5000 }} />);
    // @ts-expect-error config is required
    void (<RecordingServiceProvider />);
    // @ts-expect-error isSecure is never inferred
    void (<RecordingServiceProvider config={{ host: 'rec.example.com', tenantId: 'default' }} />);
  });

  it('gives { context, config } through useRecordingService, and the bound client through useRecordingClient', () => {
    expectTypeOf(useRecordingService).returns.toHaveProperty('context').toEqualTypeOf<RecordingContext>();
    expectTypeOf(useRecordingService).returns.not.toHaveProperty('session');
    expectTypeOf(useRecordingClient).returns.toEqualTypeOf<RecordingClient>();
    expectTypeOf<RecordingClient>().toMatchTypeOf<RecordingContext>();
    expectTypeOf(useRecordingService).returns.toHaveProperty('config').toEqualTypeOf<ResolvedRecordingServiceConfig>();
  });
});
