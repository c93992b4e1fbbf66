import { encodeSegment } from './http';
import type { RecordingContext } from './context';
import { read } from './operation';
import { entity, systemSettingsSchema, tenantSchema } from './schemas';
import type { RequestOptions, SystemSettings, Tenant } from './types';

const systemAnswer = /* @__PURE__ */ entity<SystemSettings>(systemSettingsSchema);
const tenantAnswer = /* @__PURE__ */ entity<Tenant>(tenantSchema);

/** The system settings of a single-tenant server. */
export async function getSystemSettings(context: RecordingContext, options?: RequestOptions): Promise<SystemSettings> {
  return read(context, context.config.resources.systemSettingsUrl, 'application/json', systemAnswer, options);
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
  const path = `${context.config.resources.tenantsUrl}/${encodeSegment(tenantId, 'tenantId')}`;
  // `read` prefers the signal of its last argument: the request options given alone, else `options`.
  return read(context, path, 'application/json', tenantAnswer, options, onlyOptions ? tenantIdOrOptions : undefined);
}
