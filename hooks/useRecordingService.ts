'use client';

import { useContext } from 'react';
import { RecordingServiceContext, type RecordingServiceContextValue } from '../src/react/context';

/**
 * The client, resolved config, component messages and session of the nearest `<RecordingServiceProvider>`.
 *
 * @param caller Name of the hook or component asking, used in the error message. Defaults to
 * `useRecordingService`.
 * @throws Error naming the caller and `<RecordingServiceProvider>` when used outside the provider.
 * @example
 * const { client } = useRecordingService();
 * const page = await client.programs.list({ count: 5 });
 */
export function useRecordingService(caller = 'useRecordingService'): RecordingServiceContextValue {
  const value = useContext(RecordingServiceContext);
  if (!value) {
    throw new Error(
      `${caller}() must be used inside <RecordingServiceProvider>. Wrap your app (or the component tree using it) in <RecordingServiceProvider config={...}>.`,
    );
  }
  return value;
}
