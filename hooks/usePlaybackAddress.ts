'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { ProgramAddress } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** Parameters of {@link usePlaybackAddress}. */
export interface PlaybackAddressParams {
  /** The program's password or PIN, for a protected program. Sent, never put in a key or kept after use. */
  password?: string;
  /** Delivery-node id to play from. */
  dnid?: string;
}

export { UNLOCKED_PLAYBACK_GC_TIME_MS } from '../src/react/fetching';

/**
 * Where and how a program plays (stream URLs, download URL, report URL). For a protected program give its
 * `password`: the key then carries an `unlocked` marker and a salted digest that tells passwords apart,
 * never the password itself, and the entry leaves the cache soon after it is unused. Disabled while `id` is empty.
 *
 * @example
 * const { data } = usePlaybackAddress(id, { password });
 * return <video src={data?.streams?.primaryMediaMp4Url} controls />;
 */
export function usePlaybackAddress(
  id: string,
  params: PlaybackAddressParams = {},
  options: RecordingQueryOptions<ProgramAddress> = {},
): UseQueryResult<ProgramAddress, RecordingServiceError> {
  const { context } = useRecordingService('usePlaybackAddress');
  return useQuery<ProgramAddress, RecordingServiceError>({
    ...recordingQueries.playback(context, id, params),
    ...options,
  });
}
