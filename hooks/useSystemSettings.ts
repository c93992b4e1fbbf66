'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { SystemSettings } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * The server's system settings: multi-tenancy, guest access, retention policy, server time.
 *
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: settings } = useSystemSettings();
 * if (settings?.recordingRetentionPolicy === 'DO_NOT_RETAIN') hideRecycleBin();
 */
export function useSystemSettings<TData = SystemSettings>(
  options?: RecordingQueryOptions<SystemSettings, TData, ReturnType<RecordingKeys['settings']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useSystemSettings');
  return useQuery<SystemSettings, RecordingServiceError, TData, ReturnType<RecordingKeys['settings']>>({
    ...recordingQueries.settings(context),
    ...options,
  });
}
