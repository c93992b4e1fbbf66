'use client';

import { useSystemSettings } from '../../hooks/useSystemSettings';
import { parseServerOffset } from '../../src/core/dates';
import type { SystemSettings } from '../../src/core/types';

const offsetOf = (settings: SystemSettings): number | undefined => parseServerOffset(settings.systemTimeISO8601);

/**
 * The recording server's offset from UTC in minutes (from `systemTimeISO8601`), for `formatDate` and
 * `isoDate`; `undefined` until the system settings are in the cache. Reads the cache only and never asks
 * the server itself (components stay at the requests they make), so the offset appears once anything
 * (`useSystemSettings()`, a prefetch) has loaded the settings.
 */
export function useServerOffset(): number | undefined {
  return useSystemSettings({ enabled: false, select: offsetOf }).data;
}
