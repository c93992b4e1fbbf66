'use client';

import { createContext } from 'react';
import type { RecordingContext } from '../core/context';
import type { ResolvedRecordingServiceConfig } from '../core/config';

/**
 * What `useRecordingService()` returns: the provider's context (pass it to the operation functions and
 * `recordingQueries`) and its resolved config. It holds no session: components that show the session
 * subscribe to it (`useRecordingSession`), so sign-in does not re-render every consumer.
 */
export interface RecordingServiceContextValue {
  context: RecordingContext;
  config: ResolvedRecordingServiceConfig;
}

/** Holds the provider's context and config; read it through `useRecordingService()`. */
export const RecordingServiceContext = createContext<RecordingServiceContextValue | null>(null);
RecordingServiceContext.displayName = 'RecordingServiceContext';
