'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { md5Hex } from '../src/core/md5';
import {
  fetchWithQuerySignal,
  PROGRAM_STALE_TIME_MS,
  recordingKeysFor,
  type RecordingQueryOptions,
} from '../src/react/queries';
import type { ProgramAddress } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** Parameters of {@link usePlaybackAddress}. */
export interface PlaybackAddressParams {
  /** The program's password or PIN, for a protected program. Sent, never put in a key or kept after use. */
  password?: string;
  /** Delivery-node id to play from. */
  dnid?: string;
}

/** How long an address fetched with a password stays cached once unused: 1 s (an ordinary one: 5 min). */
export const UNLOCKED_PLAYBACK_GC_TIME_MS = 1_000;

// Random per page load: a key seen outside this page (devtools, a persisted cache) cannot be tried
// against a dictionary of PINs.
const SALT = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16)).join('');

/** Tells passwords apart in keys (a wrong one must not answer for the right one) without revealing them. */
function passwordMarker(password: string): string {
  return md5Hex(SALT + password).slice(0, 16);
}

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
  const { client } = useRecordingService('usePlaybackAddress');
  const { password, dnid } = params;
  const base = recordingKeysFor(client).playback(id);
  const variant = password ? ['unlocked', passwordMarker(password)] : [];
  // The id is in `base`; the password is only ever in the key as a salted digest.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return useQuery<ProgramAddress, RecordingServiceError>({
    staleTime: PROGRAM_STALE_TIME_MS,
    ...(password && { gcTime: UNLOCKED_PLAYBACK_GC_TIME_MS }),
    ...options,
    enabled: id === '' ? false : (options.enabled ?? true),
    queryKey: [...base, ...variant, ...(dnid ? [{ dnid }] : [])],
    queryFn: (context) =>
      fetchWithQuerySignal(context, (signal) =>
        client.programs.playbackAddress(id, { ...(password && { password }), ...(dnid && { dnid }) }, { signal }),
      ),
  });
}
