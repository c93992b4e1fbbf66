'use client';

import { useMemo } from 'react';
import { bindRecordingClient, type RecordingClient } from '../src/core/client';
import { useRecordingService } from './useRecordingService';

/**
 * The provider's context bound into a whole {@link RecordingClient}, for imperative calls
 * (`client.programs.update(...)`, `client.session.signIn(...)`). It shares the provider's transport and
 * session. It pulls every operation into the bundle: an app that wants only some calls the operation
 * functions with `useRecordingService().context` instead.
 *
 * @throws Error naming `useRecordingClient` and `<RecordingServiceProvider>` when used outside the provider.
 * @example
 * const client = useRecordingClient();
 * const onSave = () => client.programs.update(id, { name });
 */
export function useRecordingClient(): RecordingClient {
  const { context } = useRecordingService('useRecordingClient');
  return useMemo(() => bindRecordingClient(context), [context]);
}
