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

function configError(field: string, problem: string, hint: string): RecordingServiceError {
  return new RecordingServiceError({
    kind: 'config',
    message: `Invalid config: ${field} ${problem}`,
    hint,
    details: { field },
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  return typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : String(value);
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const dnsLabel = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** The host as the WHATWG URL parser reads it (lowercased, IDN as punycode, IPv6 bracketed), or undefined. */
function urlHostname(host: string): string | undefined {
  try {
    const url = new URL(`http://${host}/`);
    return url.port === '' && url.username === '' && url.password === '' && url.pathname === '/'
      ? url.hostname
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why `host` (already without scheme, path, user and port) is not a DNS name, an IPv4 address or an IPv6
 * address (bare or bracketed, without zone id); undefined when it is one.
 */
function hostProblem(host: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(host)) return 'must not contain control characters';
  // Internationalised names keep to letters, digits and marks: IDNA silently drops format characters (a soft
  // hyphen turns "local\u00adhost" into "localhost"), so what is checked would not be what is reached.
  if (/[^\x21-\x7e]/.test(host) && !/^[\p{L}\p{N}\p{M}._-]+$/u.test(host)) {
    return 'must not contain invisible or format characters';
  }
  if (host.includes('%')) {
    return /^\[?[0-9a-f:.]*%/i.test(host)
      ? 'must not carry an IPv6 zone id ("%eth0"): browsers cannot address one'
      : 'must not contain percent-encoding';
  }
  if (host.startsWith('[') || host.includes(':')) {
    const bare = host.replace(/^\[(.*)\]$/, '$1');
    if (bare.includes('[') || bare.includes(']') || !/^[0-9a-f:.]+$/i.test(bare) || !urlHostname(`[${bare}]`)) {
      return 'is not a valid IPv6 address';
    }
    return undefined;
  }
  const parsed = urlHostname(host);
  if (parsed === undefined) return 'is not a valid host name';
  const ascii = parsed.replace(/\.$/, '');
  const labels = ascii.split('.');
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '') || /^0x[0-9a-f]*$/i.test(labels[labels.length - 1] ?? '')) {
    // The URL parser reads a name ending in a number as an IPv4 address (`127.1`, `0x7f.1`): only the
    // dotted-quad form is taken, so what is checked (e.g. loopback) is what is reached.
    return ipv4.test(host) ? undefined : 'is not a valid IPv4 address (give four decimal parts, e.g. 127.0.0.1)';
  }
  if (ascii.length > 253 || !labels.every((label) => dnsLabel.test(label))) {
    return 'is not a valid host name (letters, digits, "-" and "_" in dot-separated labels of at most 63)';
  }
  return undefined;
}

function parseHost(value: unknown, field: string, portField: string, secureField: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw configError(
      field,
      'is missing or empty',
      `Set ${field} to the server's host name, e.g. "recordings.example.com".`,
    );
  }
  const host = value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    throw configError(
      field,
      `must not contain a scheme (got ${describe(value)})`,
      `Give the host name only, e.g. "recordings.example.com", and choose https or http with ${secureField}.`,
    );
  }
  if (/[/?#@\s\\]/.test(host)) {
    throw configError(
      field,
      `must be a host name only, without path, query, user or spaces (got ${describe(value)})`,
      `Move any path into the resource paths and keep ${field} to e.g. "recordings.example.com".`,
    );
  }
  const colons = host.split(':').length - 1;
  const portGiven = host.startsWith('[') ? /\]:/.test(host) : colons === 1;
  if (portGiven) {
    throw configError(
      field,
      `must not contain a port (got ${describe(value)})`,
      `Give the port separately as ${portField}.`,
    );
  }
  const problem = hostProblem(host);
  if (problem) {
    throw configError(
      field,
      `${problem} (got ${describe(value)})`,
      `Give a DNS name ("recordings.example.com"), an IPv4 address ("10.0.0.5") or an IPv6 address ("::1"), with the port separately as ${portField}.`,
    );
  }
  return host;
}

function parseSecure(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw configError(
      field,
      value === undefined ? 'is missing' : `must be a boolean (got ${describe(value)})`,
      `Set ${field} to true for https or false for http; it is never inferred.`,
    );
  }
  return value;
}

function parsePort(value: unknown, field: string, isSecure: boolean): number {
  if (value === undefined) return isSecure ? 443 : 80;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw configError(
      field,
      `must be an integer from 1 to 65535 (got ${describe(value)})`,
      `Leave ${field} out to use 443 (https) or 80 (http).`,
    );
  }
  return value;
}

function parsePath(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) {
    throw configError(
      field,
      `must be a path starting with "/" (got ${describe(value)})`,
      'Give a path on the configured host, e.g. "/api/manager/programs", not an absolute URL; the host comes from host/port/isSecure.',
    );
  }
  if (/[?#\s]/.test(value)) {
    throw configError(
      field,
      `must be a plain path without query, fragment or spaces (got ${describe(value)})`,
      'Remove the query or fragment.',
    );
  }
  return value;
}

function parseNonEmptyString(value: unknown, field: string, hint: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw configError(field, 'is missing or empty', hint);
  return value;
}

function parseNumber(value: unknown, field: string, fallback: number, min: number, hint: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw configError(field, `must be a number of at least ${min} (got ${describe(value)})`, hint);
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

function parseLogger(value: unknown): RecordingServiceLogger | undefined {
  if (value === undefined) return undefined;
  const methods = ['debug', 'info', 'warn', 'error'] as const;
  if (!isRecord(value) || methods.some((name) => typeof value[name] !== 'function')) {
    throw configError(
      'logger',
      'must have debug, info, warn and error functions',
      'Pass `console` or leave logger out.',
    );
  }
  return value as unknown as RecordingServiceLogger;
}

function checkMixedContent(host: string, isSecure: boolean, field: string): void {
  const protocol = (globalThis as { location?: { protocol?: string } }).location?.protocol;
  if (protocol === 'https:' && !isSecure && !isLoopbackHost(host)) {
    throw configError(
      field,
      'is false on a page served over https',
      'Browsers block http calls from an https page (mixed content): set isSecure to true and serve the server over https.',
    );
  }
}

/**
 * Validates a recording-service configuration and fills in its defaults.
 *
 * @throws RecordingServiceError of kind `config` naming the field at fault and how to fix it.
 * @example
 * const config = parseRecordingServiceConfig({ host: 'rec.example.com', isSecure: true, tenantId: 'default' });
 */
export function parseRecordingServiceConfig(input: unknown): ResolvedRecordingServiceConfig {
  if (!isRecord(input)) {
    throw configError('config', `must be an object (got ${describe(input)})`, 'Pass { host, isSecure, tenantId }.');
  }
  const host = parseHost(input.host, 'host', 'port', 'isSecure');
  const isSecure = parseSecure(input.isSecure, 'isSecure');
  const port = parsePort(input.port, 'port', isSecure);
  const tenantId = parseNonEmptyString(input.tenantId, 'tenantId', 'Set tenantId to your tenant, e.g. "default".');
  checkMixedContent(host, isSecure, 'isSecure');

  if (input.resources !== undefined && !isRecord(input.resources)) {
    throw configError('resources', 'must be an object of paths', 'Leave resources out to use the default paths.');
  }
  const given = input.resources ?? {};
  for (const key of Object.keys(given)) {
    if (!resourceNames.includes(key as keyof ResourcePaths)) {
      throw configError(`resources.${key}`, 'is not a known resource', `Known resources: ${resourceNames.join(', ')}.`);
    }
  }
  const resources = { ...defaultResourcePaths };
  for (const name of resourceNames) {
    if (given[name] !== undefined)
      resources[name] = parsePath(given[name], `resources.${name}`).replace(/\/+$/, '') || '/';
  }

  let authServer: ResolvedRecordingServiceConfig['authServer'];
  if (input.authServer !== undefined) {
    const auth = input.authServer;
    if (!isRecord(auth)) {
      throw configError(
        'authServer',
        'must be an object',
        'Pass { host, isSecure, authorizationPath } or leave authServer out.',
      );
    }
    const authHost = parseHost(auth.host, 'authServer.host', 'authServer.port', 'authServer.isSecure');
    const authSecure = parseSecure(auth.isSecure, 'authServer.isSecure');
    authServer = {
      host: authHost,
      isSecure: authSecure,
      port: parsePort(auth.port, 'authServer.port', authSecure),
      authorizationPath: parsePath(auth.authorizationPath, 'authServer.authorizationPath'),
    };
    checkMixedContent(authHost, authSecure, 'authServer.isSecure');
  }

  const timeoutMs = parseNumber(input.timeoutMs, 'timeoutMs', 30_000, 1, 'Give milliseconds, e.g. 30000.');
  const maxResponseBytes = parseNumber(
    input.maxResponseBytes,
    'maxResponseBytes',
    defaultMaxResponseBytes,
    1024,
    'Give a number of bytes, e.g. 16777216 (16 MiB), or leave it out for that default.',
  );
  if (!Number.isInteger(maxResponseBytes)) {
    throw configError('maxResponseBytes', 'must be an integer', 'Give a whole number of bytes, e.g. 16777216.');
  }
  if (input.withCredentials !== undefined && typeof input.withCredentials !== 'boolean') {
    throw configError(
      'withCredentials',
      `must be a boolean (got ${describe(input.withCredentials)})`,
      'Leave it out for false.',
    );
  }

  if (input.retry !== undefined && !isRecord(input.retry)) {
    throw configError('retry', 'must be an object', 'Pass { attempts, baseDelayMs, maxDelayMs } or leave retry out.');
  }
  const retryInput = input.retry ?? {};
  const attempts = parseNumber(
    retryInput.attempts,
    'retry.attempts',
    3,
    0,
    'Give the number of retries, e.g. 3, or 0 for none.',
  );
  if (!Number.isInteger(attempts))
    throw configError('retry.attempts', 'must be an integer', 'Give e.g. 3, or 0 for none.');
  const retry = {
    attempts,
    baseDelayMs: parseNumber(retryInput.baseDelayMs, 'retry.baseDelayMs', 300, 0, 'Give milliseconds, e.g. 300.'),
    maxDelayMs: parseNumber(retryInput.maxDelayMs, 'retry.maxDelayMs', 10_000, 0, 'Give milliseconds, e.g. 10000.'),
  };

  if (input.session !== undefined && !isRecord(input.session)) {
    throw configError(
      'session',
      'must be an object',
      'Pass { storage, storageKey, refreshIntervalMs } or leave session out.',
    );
  }
  const sessionInput = input.session ?? {};
  const storage = sessionInput.storage ?? 'session';
  if (storage !== 'local' && storage !== 'session' && storage !== 'memory') {
    throw configError(
      'session.storage',
      `must be 'local', 'session' or 'memory' (got ${describe(storage)})`,
      "Leave it out for 'session' (this tab, survives a reload).",
    );
  }
  const session = {
    storage,
    storageKey:
      sessionInput.storageKey === undefined
        ? 'react-recording-service:session'
        : parseNonEmptyString(sessionInput.storageKey, 'session.storageKey', 'Give a non-empty key or leave it out.'),
    refreshIntervalMs: parseNumber(
      sessionInput.refreshIntervalMs,
      'session.refreshIntervalMs',
      15 * 60_000,
      1,
      'Give milliseconds, e.g. 900000.',
    ),
  } satisfies Required<SessionConfig>;

  const logger = parseLogger(input.logger);
  const config: ResolvedRecordingServiceConfig = {
    host,
    port,
    isSecure,
    tenantId,
    resources,
    timeoutMs,
    maxResponseBytes,
    withCredentials: input.withCredentials ?? false,
    retry,
    session,
  };
  if (authServer) config.authServer = authServer;
  if (logger) config.logger = logger;
  return config;
}
