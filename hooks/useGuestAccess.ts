'use client';

import { useRecordingService } from './useRecordingService';
import { useSystemSettings } from './useSystemSettings';
import { useTenant } from './useTenant';

/**
 * Whether guests (not signed in) may watch public programs: the system settings' `allowGuestAccess` on a
 * single-tenant server, the tenant's on a multi-tenant one (or when the system settings cannot be read).
 * `false` until known.
 *
 * @example
 * const guestsAllowed = useGuestAccess();
 * if (!guestsAllowed && status === 'guest') return <SignIn />;
 */
export function useGuestAccess(): boolean {
  useRecordingService('useGuestAccess');
  const settings = useSystemSettings();
  const fromTenant = settings.data?.multiTenant === true || settings.isError;
  const tenant = useTenant(undefined, { enabled: fromTenant });
  if (fromTenant) return tenant.data?.allowGuestAccess === true;
  return settings.data?.allowGuestAccess === true;
}
