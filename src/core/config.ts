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

/** A test of a value, what the message says when it fails, and the hint. */
type Check = [test: (value: unknown) => boolean, problem: string, hint?: string];

/** Settings that have a default (`[check, default]`), nested for groups (`retry.attempts`). */
interface Rules {
  [key: string]: [Check, unknown] | Rules;
}

const describe = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : value && typeof value === 'object'
      ? Array.isArray(value)
        ? 'an array'
        : 'an object'
      : String(value);

/** `value` when it passes `check`, else the `config` error `Invalid config: <field> <problem> (got <value>)`. */
function need<T>(value: unknown, field: string, [test, problem, hint]: Check, fix = hint): T {
  if (test(value)) return value as T;
  throw new RecordingServiceError({
    kind: 'config',
    message: `Invalid config: ${field} ${problem} (got ${describe(value)})`,
    hint: fix,
    details: { field },
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const object: Check = [isRecord, 'must be an object', 'Leave it out for the defaults.'];

/** An optional object of settings: `{}` when absent. */
const group = (value: unknown, field: string): Record<string, unknown> =>
  value === undefined ? {} : need(value, field, object);

const number = (min: number, whole?: boolean, max = Infinity): Check => [
  (value) =>
    (whole ? Number.isInteger : Number.isFinite)(value) && (value as number) >= min && (value as number) <= max,
  `must be ${whole ? 'an integer' : 'a number'} ${max < Infinity ? `from ${min} to ${max}` : `of at least ${min}`}`,
];

const text: Check = [(value) => typeof value === 'string' && value.trim() !== '', 'must be a non-empty string'];

const boolean: Check = [(value) => typeof value === 'boolean', 'must be true or false'];

const absolutePath: Check = [
  (value) => typeof value === 'string' && /^\/(?!\/)[^?#\s]*$/.test(value),
  'must be a path starting with "/", without query, fragment or spaces',
  'Give a path on the host, not a URL.',
];

const settings: Rules = {
  timeoutMs: [number(1), 30_000],
  maxResponseBytes: [number(1024, true), defaultMaxResponseBytes],
  withCredentials: [boolean, false],
  retry: { attempts: [number(0, true), 3], baseDelayMs: [number(0), 300], maxDelayMs: [number(0), 10_000] },
  session: {
    storage: [
      [(value) => ['local', 'session', 'memory'].includes(value as string), "must be 'local', 'session' or 'memory'"],
      'session',
    ],
    storageKey: [text, 'react-recording-service:session'],
    refreshIntervalMs: [number(1), 15 * 60_000],
  },
};

/** The settings of `rules` from `input`, defaults filled in. */
function fill(input: Record<string, unknown>, rules: Rules, prefix: string): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(rules)) {
    const value = input[key];
    filled[key] = Array.isArray(rule)
      ? value === undefined
        ? rule[1]
        : need(value, prefix + key, rule[0], `Leave it out for ${describe(rule[1])}.`)
      : fill(group(value, prefix + key), rule, `${prefix + key}.`);
  }
  return filled;
}

/**
 * True for a bare DNS name, dotted-quad IPv4 address or IPv6 address (bracketed or not, without zone id), from
 * one parse by the URL parser the browser will use. A name must come out as given (but lowercased): the parser
 * percent-decodes, drops what follows a port, path or user, and reads `127.1` as `127.0.0.1`, so anything else
 * would make what is checked (e.g. loopback) differ from what is reached. An internationalised name comes out
 * as punycode, so it must keep to letters, digits and marks instead: IDNA silently drops format characters
 * (a soft hyphen turns "local\u00adhost" into "localhost") and must not turn it into an IPv4 address.
 */
function isHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const ipv6 = bare !== host || host.includes(':');
  try {
    const name = new URL(`http://${ipv6 ? `[${bare}]` : host}`).hostname;
    return ipv6
      ? // Only the address itself: no zone id, and nothing the parser would take as a path (`::1]/x[`).
        /^[\da-f:.]+$/i.test(bare)
      : (name === host.toLowerCase() || (/^[\p{L}\p{N}\p{M}._-]+$/u.test(host) && !/^[\d.]+$/.test(name))) &&
          // DNS labels of at most 63 letters, digits, `_` or inner `-`, at most 253 characters in all.
          /^(?=.{1,253}\.?$)([a-z\d_]([a-z\d_-]{0,61}[a-z\d_])?(\.|$))+$/.test(name);
  } catch {
    return false;
  }
}

/** `host`, `isSecure` and `port` of the recording server (`prefix` `''`) or of `authServer.`. */
function parseServer(
  input: Record<string, unknown>,
  prefix: string,
): { host: string; isSecure: boolean; port: number } {
  const host = need<string>(input.host, `${prefix}host`, [
    (value) => typeof value === 'string' && isHost(value.trim()),
    'must be a bare DNS name, dotted-quad IPv4 or IPv6 address, without scheme, port, path, IPv6 zone id, percent-encoding or invisible characters',
    'Put the scheme in isSecure, the port in port, paths in resources.',
  ]).trim();
  const isSecure = need<boolean>(input.isSecure, `${prefix}isSecure`, boolean, 'Set true for https, false for http.');
  // Browsers block http calls from an https page (mixed content), except to loopback hosts.
  need(isSecure, `${prefix}isSecure`, [
    () => isSecure || (globalThis as { location?: Location }).location?.protocol !== 'https:' || isLoopbackHost(host),
    'must be true on an https page',
    'Browsers block http from https pages (mixed content).',
  ]);
  const { port = isSecure ? 443 : 80 } = input;
  return {
    host,
    isSecure,
    port: need(port, `${prefix}port`, number(1, true, 65535), 'Leave it out for 443 (https) or 80 (http).'),
  };
}

/** The resource paths, each given one checked and its trailing slashes removed. */
function parseResources(value: unknown): ResourcePaths {
  const resources = { ...defaultResourcePaths };
  for (const [key, path] of Object.entries(group(value, 'resources'))) {
    const field = `resources.${key}`;
    need(path, field, [
      () => resourceNames.includes(key as keyof ResourcePaths),
      'is not a known resource',
      `Known: ${resourceNames.join(', ')}.`,
    ]);
    if (path !== undefined) {
      resources[key as keyof ResourcePaths] = need<string>(path, field, absolutePath).replace(/\/+$/, '') || '/';
    }
  }
  return resources;
}

/** True for `localhost`, `127.x.x.x` and `::1`: hosts a page may reach over http even when served over https. */
export function isLoopbackHost(host: string): boolean {
  return /^((.*\.)?localhost|127(\.\d{1,3}){3}|::1)$/.test(host.replace(/^\[|\]$/g, '').toLowerCase());
}

/**
 * The base URL of a server: `${isSecure ? 'https' : 'http'}://host[:port]`, the port omitted when it is
 * the default of the scheme.
 *
 * @example
 * baseUrl({ host: 'rec.example.com', isSecure: true }); // 'https://rec.example.com'
 * baseUrl({ host: 'localhost', port: 8080, isSecure: false }); // 'http://localhost:8080'
 */
export function baseUrl({ host, port, isSecure }: { host: string; port?: number; isSecure: boolean }): string {
  const name = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http${isSecure ? 's' : ''}://${name}${port === undefined || port === (isSecure ? 443 : 80) ? '' : `:${port}`}`;
}

/**
 * Validates a recording-service configuration and fills in its defaults.
 *
 * @throws RecordingServiceError of kind `config` naming the field at fault and how to fix it.
 * @example
 * const config = parseRecordingServiceConfig({ host: 'rec.example.com', isSecure: true, tenantId: 'default' });
 */
export function parseRecordingServiceConfig(input: unknown): ResolvedRecordingServiceConfig {
  const given = need<Record<string, unknown>>(input, 'config', object, 'Pass { host, isSecure, tenantId }.');
  const config = {
    ...parseServer(given, ''),
    tenantId: need(given.tenantId, 'tenantId', text, 'Set your tenant, e.g. "default".'),
    resources: parseResources(given.resources),
    ...fill(given, settings, ''),
  } as ResolvedRecordingServiceConfig;

  if (given.authServer !== undefined) {
    const auth = group(given.authServer, 'authServer');
    config.authServer = {
      ...parseServer(auth, 'authServer.'),
      authorizationPath: need(auth.authorizationPath, 'authServer.authorizationPath', absolutePath),
    };
  }
  if (given.logger !== undefined) {
    config.logger = need(given.logger, 'logger', [
      (value) =>
        isRecord(value) && ['debug', 'info', 'warn', 'error'].every((name) => typeof value[name] === 'function'),
      'must have debug, info, warn and error functions',
      'Pass `console` or leave it out.',
    ]);
  }
  return config;
}
