import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { errorKindOfStatus, RecordingServiceError, type RecordingServiceErrorInit } from './errors';
import type { ResolvedRecordingServiceConfig } from './config';
import { redactDeep, redactText, redactUrl } from './redact';

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

/** A `validation` error about the caller's input. */
const invalidInput = (message: string, hint?: string) =>
  new RecordingServiceError({ kind: 'validation', message, hint });

/**
 * Percent-encodes one path segment. `.` and `..` are refused: encodeURIComponent leaves dots as they are,
 * and every URL parser (axios, fetch, the browser) resolves such a segment. An id that merely spells
 * `%2e` is sent safely as `%252e`.
 */
export function encodeSegment(given: string, field = 'id'): string {
  // Ids are numeric on real servers: a JavaScript caller's number is taken as its text.
  const value: unknown = typeof given === 'number' && Number.isFinite(given) ? String(given) : given;
  if (typeof value !== 'string' || value === '') throw invalidInput(`${field} must be a non-empty string`);
  if (value === '.' || value === '..') {
    throw invalidInput(`${field} cannot be "${value}"`, 'URL parsers resolve "." and ".." segments');
  }
  return encode(value, field);
}

/** encodeURIComponent, with text it cannot encode (a lone UTF-16 surrogate) refused as a validation error. */
function encode(value: string, field: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw invalidInput(`${field} holds a lone surrogate (not Unicode text)`);
  }
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

/** Redacts a value (URL, text) with the engine's known secrets plus `extra`. */
export const redact = (engine: HttpEngine, value: string, extra: (string | undefined)[] = []): string =>
  redactUrl(value, [...engine.secrets(), ...extra]);

/** Sends a redacted message (and data) to the configured logger, if any; a failing logger is ignored. */
export function log(
  engine: HttpEngine,
  level: 'debug' | 'info' | 'warn' | 'error',
  message: string,
  data?: Record<string, unknown>,
  extra: (string | undefined)[] = [],
): void {
  const secrets = [...engine.secrets(), ...extra];
  try {
    engine.config.logger?.[level](
      `[react-recording-service] ${redactText(message, secrets)}`,
      data && redactDeep(data, secrets),
    );
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
  const path = url.split('?')[0]!.replace(/^[a-z]+:\/\/[^/]*/i, '') || '/';
  return new RecordingServiceError({
    kind,
    message: `${request.method} ${path} ${what}`,
    method: request.method,
    url,
    ...init,
  });
}

/** An answer or request body past `maxResponseBytes`: a `validation` error. */
export const tooLarge = (engine: HttpEngine, request: HttpRequest, body?: boolean, cause?: unknown) =>
  requestError(
    engine,
    request,
    'validation',
    `failed: the ${body ? 'request body' : 'answer'} is larger than maxResponseBytes (${engine.config.maxResponseBytes} bytes)`,
    {
      hint: `${body ? 'nothing sent' : 'answer cut off'}; raise maxResponseBytes if needed`,
      cause,
    },
  );

/** Refuses a request body past `maxResponseBytes` (bytes as UTF-8) before anything is sent. */
export function checkBody(engine: HttpEngine, request: HttpRequest): void {
  const { body } = request;
  const limit = engine.config.maxResponseBytes;
  if (body !== undefined && body.length * 3 > limit && new TextEncoder().encode(body).byteLength > limit) {
    throw tooLarge(engine, request, true);
  }
}

/**
 * A redirect is never followed: its target may be plain http or another host, and the request URL carries
 * the token and timestamp. `target` is its destination when known (redacted here); `followed` when a browser
 * followed it before any script saw it (its answer is then discarded, and its status is not this server's).
 */
export function redirectError(
  engine: HttpEngine,
  request: HttpRequest,
  status: number | undefined,
  location: string | null | undefined,
  followed?: boolean,
): RecordingServiceError {
  let target = location ?? undefined;
  try {
    if (location) target = new URL(location, request.url).href;
  } catch {
    // An unparsable Location is shown as given (redacted).
  }
  const shown = target && redact(engine, target, request.secrets);
  return requestError(
    engine,
    request,
    'http',
    followed ? 'was redirected elsewhere' : `failed: ${status ?? ''} redirect refused`,
    {
      status: followed ? undefined : status,
      hint: `${followed ? 'the browser followed a' : 'refused a'} redirect ${shown ? `to ${shown}` : '(target hidden)'}, so credentials stay on the configured origin: point host, port and isSecure at the server that answers`,
      details: shown ? { location: shown } : undefined,
    },
  );
}

/**
 * The deadline of one attempt: a timer of `timeoutMs` and the caller's signal joined into one signal given
 * to the transport, so the whole exchange (connect, headers and every byte of the body) ends by then. Like
 * `AbortSignal.any([AbortSignal.timeout(ms), signal])`, but its timer and listener are cleared by `end()`.
 * `why` tells the transport's own abort apart from the caller's.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  why?: 'timeout' | 'too-large';
  stop(why: 'timeout' | 'too-large'): void;
  end(): void;
}

/** Starts the deadline of one attempt (see {@link Deadline}); call `end()` once the attempt settles. */
export function startDeadline(timeoutMs: number, caller: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(caller?.reason);
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
  const timer = setTimeout(() => deadline.stop('timeout'), timeoutMs);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return deadline;
}

const networkHint =
  'unreachable: a CORS preflight failed (allow this origin, its methods and the vendor media types), an untrusted TLS certificate, or a refused connection (check host, port and isSecure)';

/** Turns what a transport threw into a RecordingServiceError. */
export function transportError(
  engine: HttpEngine,
  request: HttpRequest,
  error: unknown,
  deadline?: Deadline,
): RecordingServiceError {
  if (error instanceof RecordingServiceError) return error;
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const text = String(message ?? '');
  // The caller's abort first: it stays `aborted` even when the deadline passed meanwhile.
  const why = request.signal?.aborted
    ? 'aborted'
    : (deadline?.why ??
      (axios.isCancel(error)
        ? 'aborted'
        : /maxContentLength size of/i.test(text)
          ? 'too-large'
          : /maxBodyLength/i.test(text)
            ? 'body'
            : code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(text))
              ? 'timeout'
              : 'network'));
  if (why === 'too-large' || why === 'body') return tooLarge(engine, request, why === 'body', error);
  return why === 'network'
    ? requestError(engine, request, why, `failed: network error${code ? ` (${code})` : ''}`, {
        hint: networkHint,
        cause: error,
      })
    : why === 'timeout'
      ? requestError(engine, request, why, `timed out after ${engine.config.timeoutMs} ms`, {
          hint: 'raise timeoutMs if the server is slow',
          cause: error,
        })
      : requestError(engine, request, 'aborted', 'was aborted', { cause: error });
}

function headerOf(response: AxiosResponse, name: string): string | undefined {
  const value: unknown = (response.headers as Record<string, unknown>)[name];
  return value == null ? undefined : Array.isArray(value) ? value.join(', ') : String(value);
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
  // A 3xx (Node, fetch adapter), or an opaque redirect (status 0: fetch with `redirect: 'manual'` in a browser).
  if (!status || (status >= 300 && status < 400)) {
    throw redirectError(engine, request, status || undefined, headerOf(response, 'location'));
  }
  // XHR follows redirects before any script sees them; its responseURL tells where the answer came from.
  const finalUrl = (response.request as { responseURL?: unknown } | null | undefined)?.responseURL;
  if (typeof finalUrl === 'string' && finalUrl && new URL(finalUrl).origin !== new URL(request.url).origin) {
    throw redirectError(engine, request, status, finalUrl, true);
  }
  const text = data == null ? '' : String(data);
  // Any adapter without a limit of its own: at least nothing larger reaches the parsers.
  if (text.length > limit) throw tooLarge(engine, request);
  return {
    status,
    statusText: response.statusText ?? '',
    contentType: headerOf(response, 'content-type') ?? '',
    text,
    retryAfter: headerOf(response, 'retry-after'),
  };
}

/** Milliseconds from a `Retry-After` header: delta seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Sends, retrying a GET on network errors, 5xx and 429. Resolves with any non-redirect answer; rejects with
 * a RecordingServiceError: `timeout` past `timeoutMs` (body included), `aborted` on the caller's signal,
 * `validation` past `maxResponseBytes`, `http` for a redirect (never followed), `network` otherwise.
 */
export async function send(engine: HttpEngine, request: HttpRequest): Promise<HttpResponse> {
  const { config } = engine;
  const { retry } = config;
  const { method, signal, secrets } = request;
  const aborted = (cause: unknown) => requestError(engine, request, 'aborted', 'was aborted', { cause });
  if (signal?.aborted) throw aborted(signal.reason);
  checkBody(engine, request);
  const maxRetries = method === 'GET' ? retry.attempts : 0;
  for (let attempt = 0; ; attempt++) {
    const shown = `${method} ${redact(engine, request.url, secrets)}`;
    log(engine, 'debug', shown, { attempt }, secrets);
    let response: HttpResponse | undefined;
    let failure: RecordingServiceError | undefined;
    const deadline = startDeadline(config.timeoutMs, signal);
    try {
      response = await sendOnce(engine, request, deadline);
    } catch (error) {
      failure = transportError(engine, request, error, deadline);
    } finally {
      deadline.end();
    }
    const reason = response ? response.status : failure!.kind;
    // Only network failures and 5xx/429 answers: a timeout, a redirect or an oversized answer would come again.
    if (attempt >= maxRetries || !(reason === 'network' || reason === 429 || (reason as number) >= 500)) {
      if (failure) throw failure;
      log(engine, 'debug', `${shown} -> ${reason}`, undefined, secrets);
      return response!;
    }
    const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
    const retryAfter = parseRetryAfter(response?.retryAfter);
    // Retry-After is the server's word: waited as given (capped); our own backoff gets jitter.
    const delay =
      retryAfter === undefined ? backoff / 2 + Math.random() * (backoff / 2) : Math.min(retryAfter, retry.maxDelayMs);
    log(engine, 'warn', `${shown} retry ${attempt + 1}/${maxRetries} in ${Math.round(delay)} ms`, { reason }, secrets);
    // The wait is a deadline too: it ends after `delay`, or at once on the caller's abort.
    const pause = startDeadline(delay, signal);
    if (!pause.signal.aborted) {
      await new Promise((resolve) => pause.signal.addEventListener('abort', resolve, { once: true }));
    }
    pause.end();
    if (signal?.aborted) throw aborted(signal.reason);
  }
}

/** Turns a non-2xx answer into a RecordingServiceError (redacted). */
export function statusError(engine: HttpEngine, request: HttpRequest, response: HttpResponse): RecordingServiceError {
  const { status, text, statusText } = response;
  const secrets = [...engine.secrets(), ...(request.secrets ?? [])];
  let details: unknown = text ? text.slice(0, 2000) : undefined;
  if (text && /json/i.test(response.contentType)) {
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
    `failed: ${status}${statusText ? ` ${redactText(statusText, secrets)}` : ''}`,
    {
      status,
      details: details === undefined ? undefined : redactDeep(details, secrets),
      hint:
        status === 401
          ? 'sign in again: the session is missing, expired or refused'
          : status === 403
            ? 'the signed-in user may not do this'
            : undefined,
    },
  );
}
