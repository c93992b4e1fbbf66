'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { Tenant } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * A tenant's settings (multi-tenant servers). Defaults to the configured tenant.
 *
 * @param tenantId Defaults (also when empty) to the provider's `config.tenantId`.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: tenant } = useTenant();
 * <p>{tenant?.name}</p>
 */
export function useTenant<TData = Tenant>(
  tenantId?: string,
  options?: RecordingQueryOptions<Tenant, TData, ReturnType<RecordingKeys['tenant']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context, config } = useRecordingService('useTenant');
  return useQuery<Tenant, RecordingServiceError, TData, ReturnType<RecordingKeys['tenant']>>({
    ...recordingQueries.tenant(context, tenantId || config.tenantId),
    ...options,
  });
}
