import { RecordingServiceError } from './errors';

/** Resource paths of the recording server, each relative to its base URL and starting with `/`. */
export interface ResourcePaths {
  /** Programs (`P` in WIRE.md). Defaults to `/api/manager/programs`. */
  programsUrl: string;
  /** Categories. Defaults to `/api/manager/categories`. */
  categoriesUrl: string;
  /** Templates. Defaults to `/api/manager/templates`. */
  templatesUrl: string;
  /** Reports. Defaults to `/api/manager/reports`. */
  reportsUrl: string;
  /** System settings (single-tenant servers). Defaults to `/api/manager/system/settings`. */
  systemSettingsUrl: string;
  /** Tenants (multi-tenant servers), followed by `/{tenantId}`. Defaults to `/api/manager/tenants`. */
  tenantsUrl: string;
}

/** The authorization server (portal) that exchanges a portal token for a content-server token. */
export interface AuthServerConfig {
  /** Host name or IP address only: no scheme, path or port. */
  host: string;
  /** Defaults to 443 when `isSecure`, else 80. */
  port?: number;
  /** `https` when true, `http` when false; never inferred. */
  isSecure: boolean;
  /** Path of the token exchange, starting with `/`. */
  authorizationPath: string;
}

/**
 * Retries of idempotent (GET) calls on network errors, 5xx and 429. POST, PUT and DELETE are never
 * retried, nor are timeouts (the wait would multiply) or aborted calls.
 */
export interface RetryConfig {
  /** Number of retries after the first try (0 turns retries off). Defaults to 3. */
  attempts?: number;
  /** First backoff delay before jitter, doubled on each retry. Defaults to 300. */
  baseDelayMs?: number;
  /** Upper bound of any single wait, `Retry-After` included. Defaults to 10000. */
  maxDelayMs?: number;
}

/** Where and how the signed-in session is kept. */
export interface SessionConfig {
  /**
   * `local` (localStorage, shared by tabs), `session` (sessionStorage, this tab) or `memory` (lost on
   * reload). The portal token is never stored. Defaults to `'session'`: the content-server token survives
   * a reload of the tab but is never in localStorage unless `'local'` is asked for (sign-in shared by tabs).
   * Sign-out reaches every tab in every mode.
   */
  storage?: 'local' | 'session' | 'memory';
  /** Storage key. Defaults to `'react-recording-service:session'`. */
  storageKey?: string;
  /** How often the portal token is exchanged again. Defaults to 900000 (15 minutes). */
  refreshIntervalMs?: number;
}

/** Logger receiving redacted data only. */
export type RecordingServiceLogger = Pick<Console, 'debug' | 'info' | 'warn' | 'error'>;

/** How to reach a recording server (and optionally its authorization server). */
export interface RecordingServiceConfig {
  /** Recording server host name or IP address only: no scheme, path or port. */
  host: string;
  /** Defaults to 443 when `isSecure`, else 80 (omitted from the URL when default). */
  port?: number;
  /** `https` when true, `http` when false; never inferred. */
  isSecure: boolean;
  /** Tenant sent as `tenantId` on every call. */
  tenantId: string;
  /** Overrides of the resource paths. Defaults to the WIRE.md paths under `/api/manager`. */
  resources?: Partial<ResourcePaths>;
  /** Needed for sign-in. Defaults to none (guest only). */
  authServer?: AuthServerConfig;
  /**
   * Deadline of each request attempt in milliseconds, from sending it to the last byte of its answer (not an
   * idle timer: a server trickling its body is cut off too). Applies to every call, sign-in and the
   * keepalive view-report end included; a call that passes it fails with kind `timeout` and is not retried.
   * Only network failures, 5xx and 429 of a GET are retried, each retry with a fresh deadline, so a call
   * settles within `(retry.attempts + 1) * timeoutMs` plus the backoff waits. Defaults to 30000.
   */
  timeoutMs?: number;
  /**
   * Largest answer accepted, in bytes after decompression. A larger answer fails with kind `validation`. In
   * Node it is cut off while it arrives (a small gzip body inflating past it included); browsers stop the
   * download once the bytes received pass it and check the decoded text again. Request bodies are held to the
   * same bound. Downloads of recording files are not affected. Defaults to 16777216 (16 MiB).
   */
  maxResponseBytes?: number;
  /** Send cookies cross-origin (CORS credentials). Defaults to false. */
  withCredentials?: boolean;
  /** Defaults to `{ attempts: 3, baseDelayMs: 300, maxDelayMs: 10000 }`. */
  retry?: RetryConfig;
  /** Defaults to `{ storage: 'session', storageKey: 'react-recording-service:session', refreshIntervalMs: 900000 }`. */
  session?: SessionConfig;
  /** Receives redacted request and session events. Defaults to none. */
  logger?: RecordingServiceLogger;
}

/** A validated configuration with every default filled in. */
export interface ResolvedRecordingServiceConfig extends RecordingServiceConfig {
  port: number;
  resources: ResourcePaths;
  authServer?: AuthServerConfig & { port: number };
  timeoutMs: number;
  maxResponseBytes: number;
  withCredentials: boolean;
  retry: Required<RetryConfig>;
  session: Required<SessionConfig>;
}

/** The default resource paths of WIRE.md. */
export const defaultResourcePaths: Readonly<ResourcePaths> = Object.freeze({
  programsUrl: '/api/manager/programs',
  categoriesUrl: '/api/manager/categories',
  templatesUrl: '/api/manager/templates',
  reportsUrl: '/api/manager/reports',
  systemSettingsUrl: '/api/manager/system/settings',
  tenantsUrl: '/api/manager/tenants',
});

/** Default of `maxResponseBytes`: 16 MiB, far above any JSON answer of a recording server. */
export const defaultMaxResponseBytes = 16 * 1024 * 1024;

const resourceNames = Object.keys(defaultResourcePaths) as (keyof ResourcePaths)[];

/*
 * Validation is data-driven and compact (it ships with every app): each error is a `config` error whose
 * message names the field, what is wrong and what was given, with `details.field` and a hint saying how to
 * fix it.
 */

const describe = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? 'an array'
      : value && typeof value === 'object'
        ? 'an object'
        : String(value);

/** Throws the `config` error of `field`: `Invalid config: <field> <problem> (got <value>)`. */
function fail(field: string, problem: string, hint: string, ...got: unknown[]): never {
  throw new RecordingServiceError({
    kind: 'config',
    message: `Invalid config: ${field} ${problem}${got.length ? ` (got ${describe(got[0])})` : ''}`,
    hint,
    details: { field },
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An optional object of settings: `{}` when absent. */
function group(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined) return {};
  return isRecord(value) ? value : fail(field, 'must be an object', 'Leave it out for the defaults.', value);
}

/** The host as the WHATWG URL parser reads it (lowercased, IDN as punycode, IPv6 bracketed), or undefined. */
function urlHostname(host: string): string | undefined {
  try {
    const url = new URL(`http://${host}/`);
    return url.port + url.username + url.password === '' && url.pathname === '/' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why `host` is not a bare DNS name, IPv4 address or IPv6 address (bracketed or not, without zone id);
 * undefined when it is one.
 */
function hostProblem(host: string): string | undefined {
  if (!host) return 'is missing or empty';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'must not contain a scheme';
  if (/[/?#@\s\\]/.test(host)) return 'must be a host name only, without path, query, user or spaces';
  if (host.startsWith('[') ? /\]:/.test(host) : host.split(':').length === 2) return 'must not contain a port';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(host)) return 'must not contain control characters';
  // Internationalised names keep to letters, digits and marks: IDNA silently drops format characters (a soft
  // hyphen turns "local\u00adhost" into "localhost"), so what is checked would not be what is reached.
  if (/[^\x21-\x7e]/.test(host) && !/^[\p{L}\p{N}\p{M}._-]+$/u.test(host)) {
    return 'must not contain invisible or format characters';
  }
  if (host.includes('%')) {
    return /^\[?[0-9a-f:.]*%/i.test(host)
      ? 'must not carry an IPv6 zone id (browsers cannot address one)'
      : 'must not contain percent-encoding';
  }
  if (host.startsWith('[') || host.includes(':')) {
    const bare = host.replace(/^\[(.*)\]$/, '$1');
    return /^[0-9a-f:.]+$/i.test(bare) && urlHostname(`[${bare}]`) ? undefined : 'is not a valid IPv6 address';
  }
  const parsed = urlHostname(host);
  const labels = parsed?.replace(/\.$/, '').split('.') ?? [''];
  // The URL parser reads a name ending in a number as an IPv4 address (`127.1`, `0x7f.1`) and gives it in
  // dotted-quad form: only that form is taken, so what is checked (e.g. loopback) is what is reached.
  if (parsed && /^(\d+|0x[0-9a-f]*)$/i.test(labels[labels.length - 1]!)) {
    return parsed === host ? undefined : 'is not a dotted-quad IPv4 address';
  }
  return labels.join('.').length < 254 &&
    labels.every((label) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(label))
    ? undefined
    : 'is not a valid host name';
}

/** `host` or `authServer.host` (`prefix` `''` or `'authServer.'`). */
function parseHost(value: unknown, prefix: string): string {
  const host = typeof value === 'string' ? value.trim() : '';
  const problem = hostProblem(host);
  if (problem) {
    fail(
      `${prefix}host`,
      problem,
      `Give a bare host name or IP address: the scheme goes in ${prefix}isSecure, the port in ${prefix}port, paths in resources.`,
      value,
    );
  }
  return host;
}

/** `isSecure` and the port it defaults. */
function parseServer(
  input: Record<string, unknown>,
  prefix: string,
): { host: string; isSecure: boolean; port: number } {
  const host = parseHost(input.host, prefix);
  const { isSecure, port } = input;
  if (typeof isSecure !== 'boolean') {
    fail(`${prefix}isSecure`, 'must be true (https) or false (http)', 'Set it: it is never inferred.', isSecure);
  }
  // Browsers block http calls from an https page (mixed content), except to loopback hosts.
  if ((globalThis as { location?: { protocol?: string } }).location?.protocol === 'https:' && !isSecure) {
    if (!isLoopbackHost(host)) {
      fail(
        `${prefix}isSecure`,
        'is false on a page served over https',
        'Set isSecure to true: browsers block http calls from an https page (mixed content).',
      );
    }
  }
  if (port !== undefined && !(Number.isInteger(port) && (port as number) > 0 && (port as number) < 65536)) {
    fail(`${prefix}port`, 'must be an integer from 1 to 65535', 'Leave it out for 443 (https) or 80 (http).', port);
  }
  return { host, isSecure, port: (port as number | undefined) ?? (isSecure ? 443 : 80) };
}

/** A path on the configured host, trailing slashes removed. */
function parsePath(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\/(?!\/)[^?#\s]*$/.test(value)) {
    fail(
      field,
      'must be a path starting with "/", without query, fragment or spaces',
      'Give a path on the host, e.g. "/api/manager/programs", not a URL.',
      value,
    );
  }
  return value;
}

function parseText(value: unknown, field: string, hint: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fail(field, 'is missing or empty', hint, value);
}

/**
 * A number setting: `undefined` gives `fallback`; anything else must be a finite number of at least `min`
 * (a whole one when `whole`).
 */
function parseNumber(value: unknown, field: string, fallback: number, min: number, whole?: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (whole && !Number.isInteger(value))) {
    fail(
      field,
      `must be ${whole ? 'an integer' : 'a number'} of at least ${min}`,
      `Give e.g. ${fallback}, the default when left out.`,
      value,
    );
  }
  return value;
}

/** True for `localhost`, `127.x.x.x` and `::1`: hosts a page may reach over http even when served over https. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::1';
}

/**
 * The base URL of a server: `${isSecure ? 'https' : 'http'}://host[:port]`, the port omitted when it is
 * the default of the scheme.
 *
 * @example
 * baseUrl({ host: 'rec.example.com', isSecure: true }); // 'https://rec.example.com'
 * baseUrl({ host: 'localhost', port: 8080, isSecure: false }); // 'http://localhost:8080'
 */
export function baseUrl(server: { host: string; port?: number; isSecure: boolean }): string {
  const scheme = server.isSecure ? 'https' : 'http';
  const defaultPort = server.isSecure ? 443 : 80;
  const host = server.host.includes(':') && !server.host.startsWith('[') ? `[${server.host}]` : server.host;
  const port = server.port !== undefined && server.port !== defaultPort ? `:${server.port}` : '';
  return `${scheme}://${host}${port}`;
}

/**
 * Validates a recording-service configuration and fills in its defaults.
 *
 * @throws RecordingServiceError of kind `config` naming the field at fault and how to fix it.
 * @example
 * const config = parseRecordingServiceConfig({ host: 'rec.example.com', isSecure: true, tenantId: 'default' });
 */
export function parseRecordingServiceConfig(input: unknown): ResolvedRecordingServiceConfig {
  if (!isRecord(input)) fail('config', 'must be an object', 'Pass { host, isSecure, tenantId }.', input);
  const server = parseServer(input, '');
  const tenantId = parseText(input.tenantId, 'tenantId', 'Set tenantId to your tenant, e.g. "default".');

  const given = group(input.resources, 'resources');
  const resources = { ...defaultResourcePaths };
  for (const key of Object.keys(given)) {
    if (!resourceNames.includes(key as keyof ResourcePaths)) {
      fail(`resources.${key}`, 'is not a known resource', `Known resources: ${resourceNames.join(', ')}.`);
    }
    if (given[key] !== undefined) {
      resources[key as keyof ResourcePaths] = parsePath(given[key], `resources.${key}`).replace(/\/+$/, '') || '/';
    }
  }

  const config = {
    ...server,
    tenantId,
    resources,
    timeoutMs: parseNumber(input.timeoutMs, 'timeoutMs', 30_000, 1),
    maxResponseBytes: parseNumber(input.maxResponseBytes, 'maxResponseBytes', defaultMaxResponseBytes, 1024, true),
    withCredentials: input.withCredentials === undefined ? false : (input.withCredentials as boolean),
  } as ResolvedRecordingServiceConfig;
  if (typeof config.withCredentials !== 'boolean') {
    fail('withCredentials', 'must be a boolean', 'Leave it out for false.', config.withCredentials);
  }

  if (input.authServer !== undefined) {
    const auth = group(input.authServer, 'authServer');
    const authServer = parseServer(auth, 'authServer.');
    config.authServer = {
      ...authServer,
      authorizationPath: parsePath(auth.authorizationPath, 'authServer.authorizationPath'),
    };
  }

  const retry = group(input.retry, 'retry');
  config.retry = {
    attempts: parseNumber(retry.attempts, 'retry.attempts', 3, 0, true),
    baseDelayMs: parseNumber(retry.baseDelayMs, 'retry.baseDelayMs', 300, 0),
    maxDelayMs: parseNumber(retry.maxDelayMs, 'retry.maxDelayMs', 10_000, 0),
  };
  const session = group(input.session, 'session');
  const storage = session.storage ?? 'session';
  if (storage !== 'local' && storage !== 'session' && storage !== 'memory') {
    fail('session.storage', "must be 'local', 'session' or 'memory'", "Leave it out for 'session'.", storage);
  }
  config.session = {
    storage,
    storageKey:
      session.storageKey === undefined
        ? 'react-recording-service:session'
        : parseText(session.storageKey, 'session.storageKey', 'Give a non-empty key or leave it out.'),
    refreshIntervalMs: parseNumber(session.refreshIntervalMs, 'session.refreshIntervalMs', 15 * 60_000, 1),
  };

  const { logger } = input;
  if (logger !== undefined) {
    if (!isRecord(logger) || ['debug', 'info', 'warn', 'error'].some((name) => typeof logger[name] !== 'function')) {
      fail('logger', 'must have debug, info, warn and error functions', 'Pass `console` or leave logger out.', logger);
    }
    config.logger = logger as unknown as RecordingServiceLogger;
  }
  return config;
}
