import { formatServerDateTime } from '../core/dates';
import type { RetentionPolicy } from '../core/types';
import {
  DEFAULT_RESOURCES,
  policiesOf,
  purgeRecycleBin,
  requireViewer,
  resolveCaller,
  type EmulatorResources,
  type RouteContext,
} from './context';
import { decideFaults, type EmulatorFaults } from './faults';
import { HttpError, json, MEDIA_TYPES, problem, redactedTarget, redactHeaders, redactQuery } from './http';
import { hlsPlaylist, hlsSegments, sampleMp4, thumbnailJpg } from './media';
import { createRandom, mixSeed } from './random';
import { routeChat } from './routes-chat';
import { routeProgram, routeProgramLists } from './routes-programs';
import { routeReports } from './routes-reports';
import { defaultSeed, emptySeed, manySeed, baseProgram } from './seeds';
import type { EmulatorSeedData, EmulatorSeedName, EmulatorState, EmulatorUser } from './types';
import { EMULATOR_AUTHORIZATION_PATH } from './users';

/** Options of {@link createRecordingEmulator}. */
export interface RecordingEmulatorOptions {
  /** Named seed or inline data. Defaults to `'default'`. */
  seed?: EmulatorSeedName | EmulatorSeedData;
  /** Faults to inject; change them later with `setFaults`. */
  faults?: EmulatorFaults;
  /** The emulator clock. Defaults to `Date.now`. Seeds place programs relative to it. */
  now?: () => number | Date;
  /** Lifetime of a content-server token. Defaults to 30 minutes. */
  tokenTtlMs?: number;
  /** Multi-tenant mode: tenants `default` and `acme`, policies per tenant. Defaults to false. */
  multiTenant?: boolean;
  /** Retention of deleted programs (system, and tenant `default`). Defaults to `N_DAYS`, 30 days. */
  retention?: { policy: RetentionPolicy; days?: number };
  /** Whether guests may see public programs. Defaults to true. */
  allowGuestAccess?: boolean;
  /** Path of the token exchange. Defaults to `/ups/resources/authorization`. */
  authorizationPath?: string;
  /** Resource paths, as in the client config. Defaults to WIRE.md's. */
  resources?: Partial<EmulatorResources>;
  /** Origin for absolute URLs in answers (streams, `self`). Defaults to each request's own origin. */
  origin?: string;
  /**
   * The server's time zone as an offset from UTC in minutes, east positive (`60` for `+01:00`). Program and
   * report dates go out on this wall clock without a zone; `systemTimeISO8601` shows the offset. Defaults
   * to 0 (UTC), whatever the host's zone, so answers are the same on every machine.
   */
  utcOffsetMinutes?: number;
}

/** One request as the emulator saw it. Query secrets (token, PINs, passwords) are redacted. */
export interface EmulatorRequestRecord {
  sequence: number;
  method: string;
  /** Path and query, secrets redacted. */
  target: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The answer's status (0 for a reset or a hang). */
  status?: number;
  /** The fault that hit the request, if any. */
  fault?: string;
}

/** Faults, as accepted by `setFaults`. */
export type { EmulatorFaults };

/** An in-memory ACSR server: one instance per test; instances share nothing. */
export interface RecordingEmulator {
  /** Answers one request exactly like the server would (Fetch API in, Fetch API out). */
  handle(request: Request): Promise<Response>;
  /** The live state. Read it in tests; prefer the methods below for changes. */
  readonly state: EmulatorState;
  /** Every request handled, in order. */
  readonly requests: EmulatorRequestRecord[];
  /** The users of this emulator, with their portal tokens. */
  readonly users: readonly EmulatorUser[];
  /** The resolved resource paths and authorization path. */
  readonly paths: EmulatorResources & { authorizationPath: string };
  /** The emulator clock, epoch ms. */
  now(): number;
  /** Rebuilds the state from the seed at the current clock; clears the request log and tokens. */
  reset(): void;
  /** Replaces the faults (none when left out). */
  setFaults(faults?: EmulatorFaults): void;
  /**
   * Issues a content-server token without HTTP, as the token exchange would, and returns the query
   * credentials a client would send (`tenantId`, `user`, `token`, `timestamp`).
   */
  signIn(login: string): { tenantId: string; user: string; token: string; timestamp: string };
  /** Makes every issued token invalid (a server restart or a revoked session). */
  revokeTokens(): void;
  /** Changes guest access (system, or one tenant in multi-tenant mode). */
  setGuestAccess(allowed: boolean, tenantId?: string): void;
  /** Changes the retention policy (system and the tenant, or one tenant in multi-tenant mode). */
  setRetention(policy: RetentionPolicy, days?: number, tenantId?: string): void;
}

const DEFAULT_TOKEN_TTL_MS = 30 * 60_000;

/** Makes tokens differ between instances, so a token of one emulator never works at another. */
let instances = 0;

function toMs(value: number | Date): number {
  return typeof value === 'number' ? value : value.getTime();
}

function buildState(options: RecordingEmulatorOptions, now: number): EmulatorState {
  const multiTenant = options.multiTenant ?? false;
  const seed = options.seed ?? 'default';
  const data =
    seed === 'default'
      ? defaultSeed(now, multiTenant)
      : seed === 'many'
        ? manySeed(now, multiTenant)
        : seed === 'empty'
          ? emptySeed(now, multiTenant)
          : { ...emptySeed(now, multiTenant), ...seed };
  const retention = options.retention ?? { policy: 'N_DAYS' as const, days: 30 };
  const days = retention.days ?? (retention.policy === 'N_DAYS' ? 30 : 0);
  const allowGuestAccess = options.allowGuestAccess ?? true;
  const tenants = new Map(data.tenants.map((t) => [t.id, { ...t }]));
  const defaultTenant = tenants.get('default');
  if (defaultTenant) {
    Object.assign(defaultTenant, {
      allowGuestAccess,
      recordingRetentionPolicy: retention.policy,
      daysToRetainDeletedRecordings: days,
    });
  }
  return {
    multiTenant,
    system: {
      allowGuestAccess,
      recordingRetentionPolicy: retention.policy,
      daysToRetainDeletedRecordings: days,
      encryptionSupport: true,
      startedAt: now,
      utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
    },
    tenants,
    users: new Map(data.users.map((u) => [u.login, { ...u }])),
    categories: new Map(data.categories.map((c) => [c.id, { tenantId: 'default', ...c }])),
    templates: new Map(data.templates.map((t) => [t.id, { tenantId: 'default', ...t }])),
    programs: new Map(data.programs.map((p) => [p.id, baseProgram(p.id, now, { ...p })])),
    chatSessions: new Map(data.chatSessions.map((s) => [s.sessionId, { ...s, messages: [...(s.messages ?? [])] }])),
    views: data.views.map((v) => ({ ...v })),
    tokens: new Map(),
    statusCalls: new Map(),
  };
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function withoutTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function splitPath(path: string): string[] {
  try {
    return path
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    throw new HttpError(400, 'Malformed path');
  }
}

function under(pathname: string, prefix: string): string[] | undefined {
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  return splitPath(pathname.slice(prefix.length));
}

function abortError(): DOMException {
  return new DOMException('The request was aborted', 'AbortError');
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function bytesResponse(
  request: Request,
  bytes: Uint8Array<ArrayBuffer>,
  type: string,
  extra: Record<string, string> = {},
): Response {
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    ...extra,
  };
  // RFC 9110: a Range in another unit, or a list of ranges (which we do not serve as multipart), is
  // ignored and the whole file sent; only a single unsatisfiable or invalid byte range is 416.
  const raw = request.headers.get('range')?.trim();
  const range = raw !== undefined && /^bytes=/i.test(raw) && !raw.includes(',') ? raw : null;
  const size = bytes.length;
  const head = request.method === 'HEAD';
  if (range !== null) {
    const match = /^bytes=\s*(\d*)-(\d*)\s*$/i.exec(range);
    let start = match?.[1] ? Number(match[1]) : NaN;
    let end = match?.[2] ? Number(match[2]) : size - 1;
    if (match && !match[1] && match[2]) {
      start = Math.max(0, size - Number(match[2]));
      end = size - 1;
    }
    if (!match || Number.isNaN(start) || start >= size || end < start) {
      return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
    }
    end = Math.min(end, size - 1);
    const part = bytes.slice(start, end + 1);
    return new Response(head ? null : part, {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(part.length) },
    });
  }
  return new Response(head ? null : bytes, { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
}

/**
 * Creates an emulator of an ACSR recording server and its portal's token exchange, answering
 * per WIRE.md. Framework-free: runs in Node and in browsers (under MSW), and behind the node server.
 *
 * @example
 * const emulator = createRecordingEmulator({ seed: 'default', now: () => Date.parse('2026-03-02T10:00:00Z') });
 * const response = await emulator.handle(new Request('http://acsr.test/api/manager/programs?tenantId=default'));
 */
export function createRecordingEmulator(options: RecordingEmulatorOptions = {}): RecordingEmulator {
  const clock = (): number => (options.now ? toMs(options.now()) : Date.now());
  const resources: EmulatorResources = { ...DEFAULT_RESOURCES, ...options.resources };
  const authorizationPath = options.authorizationPath ?? EMULATOR_AUTHORIZATION_PATH;
  const tokenTtlMs = options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  let faults = options.faults;
  let state = buildState(options, clock());
  let requests: EmulatorRequestRecord[] = [];
  let sequence = 0;
  let ids = 0;
  const instance = ++instances;
  let tokenRandom = createRandom(mixSeed(0x5eed, instance, clock()));

  const nextId = (prefix: string, taken: (id: string) => boolean = () => false): string => {
    let id: string;
    do id = `${prefix}-${(++ids).toString().padStart(4, '0')}`;
    while (taken(id));
    return id;
  };

  const issueToken = (user: EmulatorUser, now: number): { token: string; snapshotTimestamp: string } => {
    const token = `acsr-${tokenRandom.hex(32)}`;
    const snapshotTimestamp = String(now);
    state.tokens.set(token, { login: user.login, issuedAt: now, snapshotTimestamp });
    return { token, snapshotTimestamp };
  };

  const authorize = async (request: Request, now: number): Promise<Response> => {
    const header = request.headers.get('authorization') ?? '';
    const match = /^(UPToken|Bearer)\s+(.+)$/i.exec(header.trim());
    const refuse = (message: string): Response => problem(401, message, undefined, {}, MEDIA_TYPES.authError);
    if (request.method === 'POST') {
      const body = new URLSearchParams(await request.text());
      if (body.get('tokenType') !== 'ACSR')
        return problem(400, 'tokenType=ACSR is required', undefined, {}, MEDIA_TYPES.authError);
    } else if (request.method !== 'GET') {
      return problem(405, 'Method not allowed', undefined, { Allow: 'POST, GET' }, MEDIA_TYPES.authError);
    }
    if (!match) return refuse('An Authorization: UPToken <portal token> header is required');
    const user = [...state.users.values()].find((u) => u.portalToken === match[2]);
    if (!user) return refuse('Unknown portal token');
    return json(issueToken(user, now), MEDIA_TYPES.authToken);
  };

  const settings = (
    ctx: RouteContext,
    segments: string[] | undefined,
    tenantSegments: string[] | undefined,
  ): Response | undefined => {
    if (ctx.request.method !== 'GET') return undefined;
    if (segments?.length === 0) {
      const caller = resolveCaller(ctx, { tenantOptional: true });
      const policies = policiesOf(state, caller.tenantId);
      return json(
        {
          multiTenant: state.multiTenant,
          allowGuestAccess: policies.allowGuestAccess,
          systemTime: ctx.now,
          systemTimeISO8601: formatServerDateTime(ctx.now, state.system.utcOffsetMinutes),
          recordingRetentionPolicy: policies.recordingRetentionPolicy,
          daysToRetainDeletedRecordings: policies.daysToRetainDeletedRecordings,
          encryptionSupport: state.system.encryptionSupport,
          uptime: Math.max(0, Math.round((ctx.now - state.system.startedAt) / 1000)),
        },
        'application/json',
      );
    }
    if (tenantSegments?.length === 1) {
      resolveCaller(ctx, { tenantOptional: true });
      const tenant = state.tenants.get(tenantSegments[0]!);
      if (!tenant) throw new HttpError(404, 'No such tenant');
      const policies = policiesOf(state, tenant.id);
      return json({ ...tenant, ...pickPolicies(policies) }, 'application/json');
    }
    return undefined;
  };

  const catalog = (ctx: RouteContext, kind: 'categories' | 'templates', segments: string[]): Response | undefined => {
    if (ctx.request.method !== 'GET' || segments.length > 1) return undefined;
    const caller = requireViewer(ctx);
    const map = kind === 'categories' ? state.categories : state.templates;
    const render = (item: { id: string; tenantId: string }): Record<string, unknown> => {
      const { tenantId, ...rest } = item;
      const base = kind === 'categories' ? resources.categoriesUrl : resources.templatesUrl;
      const self = `${ctx.origin}${base}/${encodeURIComponent(item.id)}`;
      return kind === 'categories'
        ? {
            ...rest,
            self,
            programsUrl: `${ctx.origin}${resources.programsUrl}/category/${encodeURIComponent(item.id)}`,
            tenants: [tenantId],
          }
        : { ...rest, self, tenants: [tenantId] };
    };
    if (segments.length === 0) {
      const items = [...map.values()].filter((i) => i.tenantId === caller.tenantId).map(render);
      return json(items, MEDIA_TYPES.list);
    }
    const item = map.get(segments[0]!);
    if (!item || item.tenantId !== caller.tenantId)
      throw new HttpError(404, `No such ${kind === 'categories' ? 'category' : 'template'}`);
    return json(render(item), kind === 'categories' ? MEDIA_TYPES.category : MEDIA_TYPES.template);
  };

  const media = (request: Request, url: URL): Response | undefined => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const thumb = /^\/thumbnails\/([^/]+)\.jpg$/.exec(url.pathname);
    const file = /^\/media\/([^/]+?)(?:\.mp4|\/index\.m3u8|\/segment(\d+)\.ts)$/.exec(url.pathname);
    const match = thumb ?? file;
    if (!match) return undefined;
    const id = splitPath(match[1]!)[0] ?? '';
    const program = state.programs.get(id);
    if (!program) throw new HttpError(404, 'No such media');
    if (thumb) {
      const upload = program.thumbnailUpload;
      return bytesResponse(
        request,
        upload ? (upload.bytes as Uint8Array<ArrayBuffer>) : (thumbnailJpg() as Uint8Array<ArrayBuffer>),
        upload?.mimeType ?? 'image/jpeg',
      );
    }
    if (url.pathname.endsWith('.mp4')) {
      const download = url.searchParams.has('download');
      if (download && !program.allowMediaDownload) throw new HttpError(403, 'Download is not allowed for this program');
      return bytesResponse(
        request,
        sampleMp4() as Uint8Array<ArrayBuffer>,
        'video/mp4',
        download ? { 'Content-Disposition': `attachment; filename="${encodeURIComponent(program.id)}.mp4"` } : {},
      );
    }
    if (url.pathname.endsWith('.m3u8')) {
      return new Response(request.method === 'HEAD' ? null : hlsPlaylist(), {
        headers: { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-store' },
      });
    }
    const segment = hlsSegments()[Number(file?.[2])];
    if (!segment) throw new HttpError(404, 'No such segment');
    return bytesResponse(request, segment as Uint8Array<ArrayBuffer>, 'video/mp2t');
  };

  const route = async (request: Request, url: URL, now: number): Promise<Response> => {
    if (withoutTrailingSlash(url.pathname) === withoutTrailingSlash(authorizationPath)) return authorize(request, now);
    const ctx: RouteContext = {
      state,
      request,
      url,
      origin: options.origin ?? url.origin,
      resources,
      now,
      tokenTtlMs,
      nextId,
    };
    const fromMedia = media(request, url);
    if (fromMedia) return fromMedia;
    purgeRecycleBin(state, now);
    const programs = under(url.pathname, resources.programsUrl);
    let response: Response | undefined;
    if (programs) {
      const [id, action, ...rest] = programs;
      if (request.method === 'GET') response = routeProgramLists(ctx, programs);
      if (!response && id !== undefined && action === 'chat') response = await routeChat(ctx, id, rest);
      if (!response && id !== undefined && !(action === 'chat'))
        response = await routeProgram(ctx, id, programs.slice(1));
    } else {
      const categories = under(url.pathname, resources.categoriesUrl);
      const templates = under(url.pathname, resources.templatesUrl);
      const reports = under(url.pathname, resources.reportsUrl);
      if (categories) response = catalog(ctx, 'categories', categories);
      else if (templates) response = catalog(ctx, 'templates', templates);
      else if (reports) response = routeReports(ctx, reports);
      else
        response = settings(
          ctx,
          under(url.pathname, resources.systemSettingsUrl),
          under(url.pathname, resources.tenantsUrl),
        );
    }
    if (!response) {
      const allow = methodsOf(url.pathname);
      if (allow && !allow.split(', ').includes(request.method))
        throw new HttpError(405, 'Method not allowed', undefined, { Allow: allow });
      throw new HttpError(404, 'No such resource');
    }
    return response;
  };

  /** The methods of a WIRE.md path answered by one method only (the rest answer 405 themselves). */
  const methodsOf = (pathname: string): string | undefined => {
    const programs = under(pathname, resources.programsUrl);
    if (programs) {
      const [first, second, third] = programs;
      const n = programs.length;
      if (n === 0 || (first === 'category' && n === 2) || (first === 'publisher' && third === 'vod' && n === 3))
        return 'GET';
      if (first === 'live' && (n === 1 || (n === 2 && ['future', 'today', 'now'].includes(second!)))) return 'GET';
      if (second === 'status' && n === 2) return 'GET';
      if (second === 'report' && (n === 2 || n === 3)) return 'POST';
      return undefined;
    }
    const catalog = under(pathname, resources.categoriesUrl) ?? under(pathname, resources.templatesUrl);
    if (catalog) return catalog.length <= 1 ? 'GET' : undefined;
    const reports = under(pathname, resources.reportsUrl);
    if (reports) {
      const [kind] = reports;
      return (kind === 'programaccess' && reports.length <= 2) || (kind === 'programview' && reports.length === 2)
        ? 'GET'
        : undefined;
    }
    if (under(pathname, resources.systemSettingsUrl)?.length === 0) return 'GET';
    if (under(pathname, resources.tenantsUrl)?.length === 1) return 'GET';
    return undefined;
  };

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const now = clock();
    const record: EmulatorRequestRecord = {
      sequence: ++sequence,
      method: request.method,
      target: redactedTarget(url),
      path: url.pathname,
      query: redactQuery(url.searchParams),
      headers: redactHeaders(request.headers),
    };
    requests.push(record);
    const decision = decideFaults(faults, record.sequence, request.method, url.pathname);
    if (decision.latencyMs > 0) await wait(decision.latencyMs, request.signal);
    if (decision.outcome) record.fault = decision.outcome;
    switch (decision.outcome) {
      case 'hang':
        record.status = 0;
        return new Promise<Response>((_, reject) => {
          if (request.signal.aborted) reject(abortError());
          request.signal.addEventListener('abort', () => reject(abortError()), { once: true });
        });
      case 'reset':
        record.status = 0;
        return Response.error();
      case 'rate-limit':
        record.status = 429;
        return problem(429, 'Too many requests', undefined, {
          'Retry-After': String(decision.fault?.retryAfterSeconds ?? 1),
        });
      case 'error': {
        const status = decision.fault?.status ?? 503;
        record.status = status;
        return problem(status, 'Injected server fault');
      }
      default:
        break;
    }
    let response: Response;
    try {
      response = await route(request, url, now);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      response = problem(error.status, error.message, error.details, error.headers);
    }
    record.status = response.status;
    if (decision.outcome === 'malformed-json') {
      const text = await response.text();
      // A body-less answer (204) cannot carry the broken body: it becomes a 200 with one.
      const bodiless = NULL_BODY_STATUSES.has(response.status);
      const headers = new Headers(response.headers);
      if (bodiless) headers.set('Content-Type', 'application/json');
      headers.delete('Content-Length');
      return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))) || '{', {
        status: bodiless ? 200 : response.status,
        headers,
      });
    }
    if (decision.outcome === 'wrong-media-type') {
      const headers = new Headers(response.headers);
      headers.set('Content-Type', 'text/html; charset=utf-8');
      return new Response(response.body, { status: response.status, headers });
    }
    return response;
  };

  const tenantsFor = (
    tenantId?: string,
  ): Array<{
    allowGuestAccess: boolean;
    recordingRetentionPolicy: RetentionPolicy;
    daysToRetainDeletedRecordings: number;
  }> => {
    if (tenantId) {
      const tenant = state.tenants.get(tenantId);
      if (!tenant) throw new Error(`Unknown tenant ${tenantId}`);
      return state.multiTenant ? [tenant] : [tenant, state.system];
    }
    const defaultTenant = state.tenants.get('default');
    return defaultTenant ? [state.system, defaultTenant] : [state.system];
  };

  return {
    handle,
    get state() {
      return state;
    },
    get requests() {
      return requests;
    },
    get users() {
      return [...state.users.values()];
    },
    paths: { ...resources, authorizationPath },
    now: clock,
    reset() {
      state = buildState(options, clock());
      requests = [];
      sequence = 0;
      ids = 0;
      tokenRandom = createRandom(mixSeed(0x5eed, instance, clock(), sequence));
      faults = options.faults;
    },
    setFaults(next) {
      faults = next;
    },
    signIn(login) {
      const user = state.users.get(login);
      if (!user) throw new Error(`Unknown emulator user ${login}`);
      const { token, snapshotTimestamp } = issueToken(user, clock());
      return { tenantId: user.tenantId, user: user.login, token, timestamp: snapshotTimestamp };
    },
    revokeTokens() {
      state.tokens.clear();
    },
    setGuestAccess(allowed, tenantId) {
      for (const target of tenantsFor(tenantId)) target.allowGuestAccess = allowed;
    },
    setRetention(policy, days, tenantId) {
      for (const target of tenantsFor(tenantId)) {
        target.recordingRetentionPolicy = policy;
        target.daysToRetainDeletedRecordings = days ?? (policy === 'N_DAYS' ? 30 : 0);
      }
    },
  };
}

type Policies = {
  allowGuestAccess: boolean;
  recordingRetentionPolicy: RetentionPolicy;
  daysToRetainDeletedRecordings: number;
};

function pickPolicies(p: Policies): Policies {
  return {
    allowGuestAccess: p.allowGuestAccess,
    recordingRetentionPolicy: p.recordingRetentionPolicy,
    daysToRetainDeletedRecordings: p.daysToRetainDeletedRecordings,
  };
}
