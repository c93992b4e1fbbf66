import axios, { type AxiosInstance } from 'axios';
import { errorKindOfStatus, RecordingServiceError, type RecordingServiceErrorInit } from './errors';
import type { ResolvedRecordingServiceConfig } from './config';
import { redactDeep, redactUrl } from './redact';

/*
 * The transport of a context, as free functions over a small engine object, so that a bundler keeps only
 * what an app calls: the keepalive path (`sendKeepalive`, only `reportViewEnd` uses it) lives in
 * ./keepalive.ts. It ships with every app, so it is written compactly: one error builder, shared branches.
 */

/** A query value; `undefined` leaves the parameter out, `false` and `0` are sent. */
export type QueryValue = string | number | boolean | undefined;
/** Query parameters of one call, in the order they are sent. */
export type QueryParams = Record<string, QueryValue>;

/** The methods the recording server's API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One request, fully described: the URL already holds its encoded path and query. */
export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal | undefined;
  /** Secret values of this call (passwords, PINs, portal token), redacted from errors and logs. */
  secrets?: (string | undefined)[];
}

/** What came back, whatever the status. */
export interface HttpResponse {
  status: number;
  statusText: string;
  contentType: string;
  text: string;
  /** The `Retry-After` header, when given. */
  retryAfter?: string | undefined;
}

/** The transport state of one context: its config, its axios instance and the secrets it holds right now. */
export interface HttpEngine {
  readonly config: ResolvedRecordingServiceConfig;
  readonly axios: AxiosInstance;
  /** Secrets the context holds right now (content-server token and timestamp, portal token). */
  readonly secrets: () => (string | undefined)[];
}

/** Options of {@link createHttpEngine}. */
export interface HttpEngineOptions {
  config: ResolvedRecordingServiceConfig;
  /** The axios instance to send with; defaults to a new one. */
  axios?: AxiosInstance | undefined;
  /** Secrets the context holds right now. */
  secrets: () => (string | undefined)[];
}

/** Creates the transport of one context. */
export function createHttpEngine({ config, axios: given, secrets }: HttpEngineOptions): HttpEngine {
  return { config, axios: given ?? axios.create(), secrets };
}

/** encodeURIComponent, with text it cannot encode (a lone UTF-16 surrogate) refused as a validation error. */
function encode(value: string, field: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw new RecordingServiceError({
      kind: 'validation',
      message: `${field} holds a lone surrogate (not Unicode text)`,
    });
  }
}

/**
 * Percent-encodes one path segment. `.` and `..` are refused: encodeURIComponent leaves dots as they are,
 * and every URL parser (axios, fetch, the browser) resolves such a segment. An id that merely spells
 * `%2e` is sent safely as `%252e`.
 */
export function encodeSegment(given: string, field = 'id'): string {
  // Ids are numeric on real servers: a JavaScript caller's number is taken as its text.
  const value: unknown = typeof given === 'number' && Number.isFinite(given) ? String(given) : given;
  if (typeof value !== 'string' || /^\.{0,2}$/.test(value)) {
    throw new RecordingServiceError({
      kind: 'validation',
      message: `${field} must be a non-empty string, not "." or ".."`,
    });
  }
  return encode(value, field);
}

/** `?a=1&b=x%20y` from the defined (non-null) values, in the given order; empty string when none. */
export function buildQuery(params: QueryParams): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    // null too: a JavaScript caller's "no value" (a cleared form field) must not travel as the text "null".
    if (value != null) pairs.push(`${encode(key, key)}=${encode(String(value), key)}`);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** The engine's known secrets plus `extra`. */
const secretsOf = (engine: HttpEngine, extra: (string | undefined)[] = []) => [...engine.secrets(), ...extra];

/** Redacts a value (URL, text) with the engine's known secrets plus `extra`. */
export const redact = (engine: HttpEngine, value: string, extra?: (string | undefined)[]): string =>
  redactUrl(value, secretsOf(engine, extra));

/** Sends a redacted message (and data) to the configured logger, if any; a failing logger is ignored. */
export function log(
  engine: HttpEngine,
  level: 'debug' | 'info' | 'warn' | 'error',
  message: string,
  data?: Record<string, unknown>,
  extra?: (string | undefined)[],
): void {
  const { logger } = engine.config;
  if (!logger) return;
  const secrets = secretsOf(engine, extra);
  try {
    logger[level](`[react-recording-service] ${redactDeep(message, secrets)}`, data && redactDeep(data, secrets));
  } catch {
    // A failing logger must not break a request.
  }
}

/**
 * The one error builder of the transport: `<METHOD> <path> <what>`, with the redacted URL, the method and
 * the given fields.
 */
export function requestError(
  engine: HttpEngine,
  request: HttpRequest,
  kind: RecordingServiceErrorInit['kind'],
  what: string,
  init?: Partial<RecordingServiceErrorInit>,
): RecordingServiceError {
  const url = redact(engine, request.url, request.secrets);
  const path = url.replace(/^[a-z]+:\/\/[^/]*|\?.*/gi, '') || '/';
  return new RecordingServiceError({
    kind,
    message: `${request.method} ${path} ${what}`,
    method: request.method,
    url,
    ...init,
  });
}

/**
 * Why an attempt failed without an answer: `too-large` for the answer, `body` for the request body (both
 * past `maxResponseBytes`).
 */
export type Failure = 'network' | 'timeout' | 'aborted' | 'too-large' | 'body';

/** The error of a failed attempt; `code` is the transport's error code, if any. */
export function failure(
  engine: HttpEngine,
  request: HttpRequest,
  why: Failure,
  cause?: unknown,
  code?: string,
): RecordingServiceError {
  const { timeoutMs, maxResponseBytes } = engine.config;
  const [kind, what, hint]: [RecordingServiceErrorInit['kind'], string, string?] =
    why === 'network'
      ? [
          why,
          `failed: network error${code ? ` (${code})` : ''}`,
          'blocked by CORS (allow this origin, its methods and media types), an untrusted certificate or a refused connection: check host, port and isSecure',
        ]
      : why === 'timeout'
        ? [why, `timed out after ${timeoutMs} ms`, 'raise timeoutMs for a slow server']
        : why === 'aborted'
          ? [why, 'was aborted']
          : [
              'validation',
              `failed: ${why === 'body' ? 'request body' : 'answer'} over maxResponseBytes (${maxResponseBytes} bytes)`,
              'raise maxResponseBytes if needed',
            ];
  return requestError(engine, request, kind, what, { hint, cause });
}

/**
 * Refuses a call the caller aborted already, or whose body is past `maxResponseBytes` (bytes as UTF-8),
 * before anything is sent.
 */
export function checkRequest(engine: HttpEngine, request: HttpRequest): void {
  const { body, signal } = request;
  const limit = engine.config.maxResponseBytes;
  if (signal?.aborted) throw failure(engine, request, 'aborted', signal.reason);
  if (body !== undefined && new TextEncoder().encode(body).byteLength > limit) {
    throw failure(engine, request, 'body');
  }
}

/**
 * A redirect is never followed: its target may be plain http or another host, and the request URL carries
 * the token and timestamp. `target` is its destination when known (redacted here); `status` is left out
 * when a browser followed it before any script saw it (its answer is then discarded, and its status is not
 * this server's).
 */
export function redirectError(
  engine: HttpEngine,
  request: HttpRequest,
  status: number | undefined,
  target: string | null | undefined,
): RecordingServiceError {
  let shown = target ?? '';
  if (shown) {
    try {
      shown = new URL(shown, request.url).href;
    } catch {
      // An unparsable Location is shown as given (redacted).
    }
    shown = redact(engine, shown, request.secrets);
  }
  return requestError(engine, request, 'http', `failed: redirect refused${status ? ` (${status})` : ''}`, {
    status,
    hint: `refused a redirect${shown && ` to ${shown}`} (credentials stay on this origin): point host, port and isSecure at the answering server`,
    details: shown ? { location: shown } : undefined,
  });
}

/**
 * The deadline of one attempt: a timer of `timeoutMs` and the caller's signal joined into one signal given
 * to the transport, so the whole exchange (connect, headers and every byte of the body) ends by then. Like
 * `AbortSignal.any([AbortSignal.timeout(ms), signal])`, but its timer is a plain (clearable, fakeable,
 * ref'd) one, and its timer and listener are cleared by `end()`. `why` tells the transport's own abort apart
 * from the caller's.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  why?: Failure;
  stop(why: Failure): void;
  end(): void;
}

/** Starts the deadline of one attempt (see {@link Deadline}); call `end()` once the attempt settles. */
export function startDeadline(timeoutMs: number, caller: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(caller!.reason);
  const deadline: Deadline = {
    signal: controller.signal,
    stop(why) {
      if (controller.signal.aborted) return;
      deadline.why = why;
      controller.abort(new Error(why));
    },
    end() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
  const timer = setTimeout(deadline.stop, timeoutMs, 'timeout');
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort);
  return deadline;
}

/** Turns what a transport threw into a RecordingServiceError. */
export function transportError(
  engine: HttpEngine,
  request: HttpRequest,
  error: unknown,
  deadline?: Deadline,
): RecordingServiceError {
  if (error instanceof RecordingServiceError) return error;
  const { code, message } = Object(error) as { code?: string; message?: unknown };
  const text = String(message);
  // The caller's abort first: it stays `aborted` even when the deadline passed meanwhile.
  const why: Failure = request.signal?.aborted
    ? 'aborted'
    : (deadline?.why ??
      (axios.isCancel(error)
        ? 'aborted'
        : /maxContentLength/i.test(text)
          ? 'too-large'
          : /maxBodyLength/i.test(text)
            ? 'body'
            : code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(text))
              ? 'timeout'
              : 'network'));
  return failure(engine, request, why, error, code);
}

/**
 * Runs one attempt under its deadline (see {@link Deadline}); what it throws becomes a RecordingServiceError.
 */
export async function attempt(
  engine: HttpEngine,
  request: HttpRequest,
  run: (deadline: Deadline) => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const deadline = startDeadline(engine.config.timeoutMs, request.signal);
  try {
    return await run(deadline);
  } catch (error) {
    throw transportError(engine, request, error, deadline);
  } finally {
    deadline.end();
  }
}

/** One attempt through axios: never follows a redirect, bounded in time and size. */
async function sendOnce(engine: HttpEngine, request: HttpRequest, deadline: Deadline): Promise<HttpResponse> {
  const { config } = engine;
  const limit = config.maxResponseBytes;
  const response = await engine.axios.request<string>({
    url: request.url,
    method: request.method,
    // Without a body no Content-Type is sent (axios would add a form type to a bodiless POST in Node).
    headers: request.body === undefined ? { ...request.headers, 'Content-Type': false } : request.headers,
    data: request.body,
    signal: deadline.signal,
    timeout: config.timeoutMs,
    // Node (and axios's fetch adapter) hand a 3xx back instead of following it: refused below.
    maxRedirects: 0,
    // Node counts the decompressed bytes, so a small gzip body inflating past the limit is cut off too.
    maxContentLength: limit,
    maxBodyLength: limit,
    // XHR has no size limit of its own: its progress events cut a large answer off as it arrives.
    ...(typeof XMLHttpRequest !== 'undefined' && {
      onDownloadProgress: (event: { loaded: number }) => {
        if (event.loaded > limit) deadline.stop('too-large');
      },
    }),
    withCredentials: config.withCredentials,
    responseType: 'text',
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
  });
  const { status, data } = response;
  // Only `set-cookie` comes as a list, in Node: these three are one string each (or absent).
  const header = (name: string) => String((response.headers as Record<string, unknown>)[name] ?? '');
  // A 3xx (Node, fetch adapter), or an opaque redirect (status 0: fetch with `redirect: 'manual'` in a browser).
  if (!status || (status >= 300 && status < 400))
    throw redirectError(engine, request, status || undefined, header('location'));
  // XHR follows redirects before any script sees them; its responseURL tells where the answer came from.
  const finalUrl = (response.request as { responseURL?: unknown } | null | undefined)?.responseURL;
  if (typeof finalUrl === 'string' && finalUrl && new URL(finalUrl).origin !== new URL(request.url).origin) {
    throw redirectError(engine, request, undefined, finalUrl);
  }
  const text = String(data ?? '');
  // Any adapter without a limit of its own: at least nothing larger reaches the parsers.
  if (text.length > limit) throw failure(engine, request, 'too-large');
  return {
    status,
    statusText: response.statusText ?? '',
    contentType: header('content-type'),
    text,
    retryAfter: header('retry-after'),
  };
}

/** Milliseconds from a `Retry-After` header: delta seconds or an HTTP date. */
function parseRetryAfter(value = ''): number | undefined {
  const trimmed = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * Sends, retrying a GET on network errors, 5xx and 429. Resolves with any non-redirect answer; rejects with
 * a RecordingServiceError: `timeout` past `timeoutMs` (body included), `aborted` on the caller's signal,
 * `validation` past `maxResponseBytes`, `http` for a redirect (never followed), `network` otherwise.
 */
export async function send(engine: HttpEngine, request: HttpRequest): Promise<HttpResponse> {
  const { retry } = engine.config;
  const { method, signal, secrets } = request;
  checkRequest(engine, request);
  const maxRetries = method === 'GET' ? retry.attempts : 0;
  // The redacted URL is for the logger only: without one, a request does no redaction work.
  const shown = engine.config.logger ? `${method} ${redact(engine, request.url, secrets)}` : '';
  for (let tries = 0; ; tries++) {
    log(engine, 'debug', shown, { attempt: tries }, secrets);
    const outcome = await attempt(engine, request, (deadline) => sendOnce(engine, request, deadline)).catch(
      (error: RecordingServiceError) => error,
    );
    const failed = outcome instanceof RecordingServiceError;
    const reason = failed ? outcome.kind : outcome.status;
    // Only network failures and 5xx/429 answers: a timeout, a redirect or an oversized answer would come again.
    if (tries >= maxRetries || !(reason === 'network' || reason === 429 || (reason as number) >= 500)) {
      if (failed) throw outcome;
      log(engine, 'debug', `${shown} -> ${reason}`, undefined, secrets);
      return outcome;
    }
    const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** tries);
    // Retry-After is the server's word: waited as given (capped); our own backoff gets jitter.
    const delay = Math.min(
      retry.maxDelayMs,
      parseRetryAfter(failed ? '' : outcome.retryAfter) ?? (backoff * (1 + Math.random())) / 2,
    );
    log(engine, 'warn', `${shown} retry ${tries + 1}/${maxRetries} in ${Math.round(delay)} ms`, { reason }, secrets);
    // The wait is a deadline too: it ends after `delay`, or at once on the caller's abort.
    const pause = startDeadline(delay, signal);
    if (!pause.signal.aborted) {
      await new Promise((resolve) => pause.signal.addEventListener('abort', resolve));
    }
    pause.end();
    if (signal?.aborted) throw failure(engine, request, 'aborted', signal.reason);
  }
}

/** Turns a non-2xx answer into a RecordingServiceError (redacted). */
export function statusError(engine: HttpEngine, request: HttpRequest, response: HttpResponse): RecordingServiceError {
  const { status, text, statusText } = response;
  const secrets = secretsOf(engine, request.secrets);
  let details: unknown = text.slice(0, 2000);
  if (/json/i.test(response.contentType)) {
    try {
      details = JSON.parse(text);
    } catch {
      // Kept as (the start of) the text.
    }
  }
  return requestError(
    engine,
    request,
    errorKindOfStatus(status),
    `failed: ${status}${statusText ? ` ${redactDeep(statusText, secrets)}` : ''}`,
    {
      status,
      details: text ? redactDeep(details, secrets) : undefined,
      hint: status === 401 ? 'sign in again' : status === 403 ? 'the signed-in user may not do this' : undefined,
    },
  );
}
