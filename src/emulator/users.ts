import type { EmulatorTenant, EmulatorUser } from './types';

/**
 * The fixed users of the `default` and `many` seeds (tenant `default`). Sign in by exchanging the
 * portal token at the authorization path; every later call carries `user=<login>`.
 *
 * | login | role | portal token |
 * |---|---|---|
 * | `admin` | admin (sees and edits everything) | `portal-admin` |
 * | `tara` | tenant admin | `portal-tara` |
 * | `alice` | publisher (owns programs) | `portal-alice` |
 * | `bob` | publisher (owns programs) | `portal-bob` |
 * | `carol` | user (watches, owns nothing) | `portal-carol` |
 *
 * In multi-tenant mode a second tenant `acme` adds `zoe` (publisher, `portal-zoe`).
 */
export const EMULATOR_USERS: readonly EmulatorUser[] = Object.freeze([
  { login: 'admin', displayName: 'Ada Admin', role: 'admin', portalToken: 'portal-admin', tenantId: 'default' },
  {
    login: 'tara',
    displayName: 'Tara Tenant-Admin',
    role: 'tenantAdmin',
    portalToken: 'portal-tara',
    tenantId: 'default',
  },
  { login: 'alice', displayName: 'Alice Åberg', role: 'publisher', portalToken: 'portal-alice', tenantId: 'default' },
  { login: 'bob', displayName: 'Bob Ng', role: 'publisher', portalToken: 'portal-bob', tenantId: 'default' },
  { login: 'carol', displayName: 'Carol Díaz', role: 'user', portalToken: 'portal-carol', tenantId: 'default' },
]);

/** The extra user of the `acme` tenant, present in multi-tenant mode only. */
export const EMULATOR_ACME_USER: EmulatorUser = Object.freeze({
  login: 'zoe',
  displayName: 'Zoë Acme',
  role: 'publisher',
  portalToken: 'portal-zoe',
  tenantId: 'acme',
});

/** The tenant id of every named seed. */
export const EMULATOR_TENANT_ID = 'default';

/** The authorization path the emulator answers by default (the portal's token exchange). */
export const EMULATOR_AUTHORIZATION_PATH = '/ups/resources/authorization';

/** The tenants of the named seeds: `default` always, `acme` in multi-tenant mode. */
export function seedTenants(multiTenant: boolean): EmulatorTenant[] {
  const base: EmulatorTenant = {
    id: 'default',
    name: 'Default tenant',
    enabled: true,
    allowGuestAccess: true,
    recordingRetentionPolicy: 'N_DAYS',
    daysToRetainDeletedRecordings: 30,
  };
  if (!multiTenant) return [base];
  return [
    base,
    {
      id: 'acme',
      name: 'ACME Corp',
      enabled: true,
      allowGuestAccess: false,
      recordingRetentionPolicy: 'FOREVER',
      daysToRetainDeletedRecordings: 0,
    },
  ];
}
