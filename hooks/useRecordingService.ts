'use client';

import { useContext } from 'react';
import { RecordingServiceContext, type RecordingServiceContextValue } from '../src/react/context';

/**
 * The context and resolved config of the nearest `<RecordingServiceProvider>`. Pass the context to the
 * operation functions and `recordingQueries`; for the bound client, use `useRecordingClient()`.
 *
 * @param caller Name of the hook or component asking, used in the error message. Defaults to
 * `useRecordingService`.
 * @throws Error naming the caller and `<RecordingServiceProvider>` when used outside the provider.
 * @example
 * const { context } = useRecordingService();
 * const page = await listPrograms(context, { count: 5 });
 */
export function useRecordingService(caller = 'useRecordingService'): RecordingServiceContextValue {
  const value = useContext(RecordingServiceContext);
  if (!value) {
    throw new Error(`${caller}() must be used inside <RecordingServiceProvider>: wrap the tree using it in one.`);
  }
  return value;
}
