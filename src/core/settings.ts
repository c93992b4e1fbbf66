import { encodeSegment } from './http';
import type { RecordingContext } from './context';
import { send } from './request';
import { entity, systemSettingsSchema, tenantSchema } from './schemas';
import type { RequestOptions, SystemSettings, Tenant } from './types';

const systemAnswer = /* @__PURE__ */ entity<SystemSettings>(systemSettingsSchema);
const tenantAnswer = /* @__PURE__ */ entity<Tenant>(tenantSchema);

/** The system settings of a single-tenant server. */
export async function getSystemSettings(context: RecordingContext, options?: RequestOptions): Promise<SystemSettings> {
  return send(context, {
    method: 'GET',
    path: context.config.resources.systemSettingsUrl,
    accept: 'application/json',
    signal: options?.signal,
    answer: { schema: systemAnswer },
  });
}

/**
 * A tenant's settings (multi-tenant servers). Defaults to the configured tenant; `getTenant(context, { signal })`
 * asks for it with request options only.
 */
export function getTenant(context: RecordingContext, tenantId?: string, options?: RequestOptions): Promise<Tenant>;
export function getTenant(context: RecordingContext, options: RequestOptions): Promise<Tenant>;
export async function getTenant(
  context: RecordingContext,
  tenantIdOrOptions?: string | RequestOptions,
  options?: RequestOptions,
): Promise<Tenant> {
  const onlyOptions = typeof tenantIdOrOptions === 'object' && tenantIdOrOptions !== null;
  const tenantId = onlyOptions ? context.config.tenantId : (tenantIdOrOptions ?? context.config.tenantId);
  return send(context, {
    method: 'GET',
    path: `${context.config.resources.tenantsUrl}/${encodeSegment(tenantId, 'tenantId')}`,
    accept: 'application/json',
    signal: (onlyOptions ? tenantIdOrOptions.signal : undefined) ?? options?.signal,
    answer: { schema: tenantAnswer },
  });
}
