'use client';

import { createContext } from 'react';
import type { RecordingClient } from '../core/client';
import type { ResolvedRecordingServiceConfig } from '../core/config';
import type { Session } from '../core/types';

/** What `useRecordingService()` returns. */
export interface RecordingServiceContextValue {
  client: RecordingClient;
  config: ResolvedRecordingServiceConfig;
  /** Who is signed in (never a token). Consumers re-render when it changes, so their keys follow the user. */
  session: Session;
}

/** Holds the provider's client and config; read it through `useRecordingService()`. */
export const RecordingServiceContext = createContext<RecordingServiceContextValue | null>(null);
RecordingServiceContext.displayName = 'RecordingServiceContext';
