'use client';

import { useContext, useMemo } from 'react';
import { useRecordingService } from '../../hooks/useRecordingService';
import type { RecordingServiceContextValue } from '../../src/react/context';
import { RecordingServiceMessagesContext, type RecordingServiceMessages } from '../../src/react/messages';
import { defaultRecordingServiceMessages } from '../messages';

/** The provider's service plus the component labels: the provider's `messages` over the English defaults. */
export function useComponentService(
  caller: string,
): RecordingServiceContextValue & { messages: RecordingServiceMessages } {
  const service = useRecordingService(caller);
  const given = useContext(RecordingServiceMessagesContext);
  const messages = useMemo(
    () => (given ? { ...defaultRecordingServiceMessages, ...given } : defaultRecordingServiceMessages),
    [given],
  );
  return { ...service, messages };
}
