import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { RecordingServiceError, type RecordingServiceErrorKind } from './errors';
import type { ResolvedRecordingServiceConfig } from './config';
import { redactDeep, redactText, redactUrl } from './redact';

/** A query value; `undefined` leaves the parameter out, `false` and `0` are sent. */
export type QueryValue = string | number | boolean | undefined;
export type QueryParams = Record<string, QueryValue>;

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

const pathDotSegment = /^(?:\.|%2e){1,2}$/i;

/**
 * Percent-encodes one path segment. `.` and `..` are refused: every URL parser (axios, fetch, the
 * browser) resolves them, encoded or not, so they can never reach the server as a segment.
 */
export function encodeSegment(given: string, field = 'id'): string {
  // Ids are numeric on real servers: a JavaScript caller's number is taken as its text.
  const value: unknown = typeof given === 'number' && Number.isFinite(given) ? String(given) : given;
  if (typeof value !== 'string' || value === '') {
    throw new RecordingServiceError({ kind: 'validation', message: `${field} must be a non-empty string` });
  }
  if (pathDotSegment.test(value)) {
    throw new RecordingServiceError({
      kind: 'validation',
      message: `${field} cannot be "${value}"`,
      hint: 'URL parsers resolve "." and ".." segments even when percent-encoded, so such an id cannot be addressed',
    });
  }
  return encode(value, field);
}

/** encodeURIComponent, with text it cannot encode (a lone UTF-16 surrogate) refused as a validation error. */
function encode(value: string, field: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw new RecordingServiceError({
      kind: 'validation',
      message: `${field} is not valid Unicode text (it holds a lone surrogate) and cannot be sent`,
    });
  }
}

/** `?a=1&b=x%20y` from the defined (non-null) values, in the given order; empty string when none. */
export function buildQuery(params: QueryParams): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    // null too: a JavaScript caller's "no value" (a cleared form field) must not travel as the text "null".
    if (value === undefined || value === null) continue;
    pairs.push(`${encode(key, key)}=${encode(String(value), key)}`);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

const networkHint =
  'the server is unreachable: likely a CORS preflight blocked (the server must allow this origin, its methods and the vendor media-type headers), an untrusted TLS certificate, or a refused connection / wrong host, port or isSecure';

function abortedError(method: string, url: string, cause?: unknown): RecordingServiceError {
  return new RecordingServiceError({
    kind: 'aborted',
    message: `${method} ${pathOf(url)} was aborted`,
    method,
    url,
    cause,
  });
}

/** The path of a (redacted) URL, without origin or query, for messages. */
function pathOf(url: string): string {
  const withoutQuery = url.split('?')[0] ?? url;
  return withoutQuery.replace(/^[a-z]+:\/\/[^/]*/i, '') || '/';
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Milliseconds from a `Retry-After` header: delta seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerOf(response: AxiosResponse, name: string): string | undefined {
  const value: unknown = (response.headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value);
}

/** The transport shared by the client's API and its session: sends, retries GETs, normalises failures. */
export interface HttpEngine {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Sends with `fetch(..., { keepalive: true })` so the request survives a page unload. */
  sendKeepalive(request: HttpRequest): Promise<HttpResponse>;
  /** Turns a non-2xx answer into a RecordingServiceError (redacted). */
  statusError(request: HttpRequest, response: HttpResponse): RecordingServiceError;
  /** Redacts a value (URL, text, details) with this engine's known secrets plus `extra`. */
  redact(value: string, extra?: (string | undefined)[]): string;
  log(
    level: 'debug' | 'info' | 'warn' | 'error',
    message: string,
    data?: Record<string, unknown>,
    extra?: (string | undefined)[],
  ): void;
}

export interface HttpEngineOptions {
  config: ResolvedRecordingServiceConfig;
  axios?: AxiosInstance | undefined;
  /** Secrets the client holds right now (content-server token, portal token). */
  secrets: () => (string | undefined)[];
}

/** Creates the transport of one client. */
export function createHttpEngine({ config, axios: given, secrets }: HttpEngineOptions): HttpEngine {
  const instance = given ?? axios.create();
  const allSecrets = (extra: (string | undefined)[] = []) => [...secrets(), ...extra];

  const redact = (value: string, extra?: (string | undefined)[]) => redactUrl(value, allSecrets(extra));

  const log: HttpEngine['log'] = (level, message, data, extra) => {
    const logger = config.logger;
    if (!logger) return;
    try {
      logger[level](
        `[react-recording-service] ${redactText(message, allSecrets(extra))}`,
        data === undefined ? undefined : redactDeep(data, allSecrets(extra)),
      );
    } catch {
      // A failing logger must not break a request.
    }
  };

  function transportError(request: HttpRequest, error: unknown): RecordingServiceError {
    const url = redact(request.url, request.secrets);
    const method = request.method;
    if (request.signal?.aborted || axios.isCancel(error)) return abortedError(method, url, error);
    const code = (error as { code?: string } | null)?.code;
    const text = String((error as { message?: string } | null)?.message ?? '');
    let kind: RecordingServiceErrorKind = 'network';
    if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(text))) kind = 'timeout';
    if (kind === 'timeout') {
      return new RecordingServiceError({
        kind,
        message: `${method} ${pathOf(url)} timed out after ${config.timeoutMs} ms`,
        hint: 'the server did not answer in time; raise timeoutMs if it is slow',
        method,
        url,
        cause: error,
      });
    }
    return new RecordingServiceError({
      kind,
      message: `${method} ${pathOf(url)} failed: network error${code ? ` (${code})` : ''}`,
      hint: networkHint,
      method,
      url,
      cause: error,
    });
  }

  async function sendOnce(request: HttpRequest): Promise<HttpResponse> {
    const response = await instance.request<string>({
      url: request.url,
      method: request.method,
      // Without a body no Content-Type is sent (axios would add a form type to a bodiless POST in Node).
      headers: request.body === undefined ? { ...request.headers, 'Content-Type': false } : request.headers,
      data: request.body,
      signal: request.signal,
      timeout: config.timeoutMs,
      withCredentials: config.withCredentials,
      responseType: 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
    return {
      status: response.status,
      statusText: response.statusText ?? '',
      contentType: headerOf(response, 'content-type') ?? '',
      text: typeof response.data === 'string' ? response.data : response.data == null ? '' : String(response.data),
      retryAfter: headerOf(response, 'retry-after'),
    };
  }

  const retryable = (status: number) => status === 429 || status >= 500;

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const safeUrl = () => redact(request.url, request.secrets);
    if (request.signal?.aborted) throw abortedError(request.method, safeUrl(), request.signal.reason);
    const maxRetries = request.method === 'GET' ? config.retry.attempts : 0;
    for (let attempt = 0; ; attempt++) {
      log('debug', `${request.method} ${safeUrl()}`, { attempt }, request.secrets);
      let outcome: { response: HttpResponse } | { failure: RecordingServiceError };
      try {
        outcome = { response: await sendOnce(request) };
      } catch (error) {
        outcome = { failure: transportError(request, error) };
      }
      const reason = 'failure' in outcome ? outcome.failure.kind : outcome.response.status;
      const canRetry =
        attempt < maxRetries && (reason === 'network' || (typeof reason === 'number' && retryable(reason)));
      if (!canRetry) {
        if ('failure' in outcome) throw outcome.failure;
        log('debug', `${request.method} ${safeUrl()} -> ${reason}`, undefined, request.secrets);
        return outcome.response;
      }
      const retryAfter = 'response' in outcome ? parseRetryAfter(outcome.response.retryAfter) : undefined;
      const backoff = Math.min(config.retry.maxDelayMs, config.retry.baseDelayMs * 2 ** attempt);
      // Retry-After is the server's word: waited as given (capped); our own backoff gets jitter.
      const delay =
        retryAfter !== undefined
          ? Math.min(retryAfter, config.retry.maxDelayMs)
          : backoff / 2 + Math.random() * (backoff / 2);
      log(
        'warn',
        `${request.method} ${safeUrl()} retry ${attempt + 1}/${maxRetries} in ${Math.round(delay)} ms`,
        { reason },
        request.secrets,
      );
      try {
        await sleep(delay, request.signal);
      } catch (abortReason) {
        throw abortedError(request.method, safeUrl(), abortReason);
      }
    }
  }

  async function sendKeepalive(request: HttpRequest): Promise<HttpResponse> {
    if (request.signal?.aborted)
      throw abortedError(request.method, redact(request.url, request.secrets), request.signal.reason);
    log('debug', `${request.method} ${redact(request.url, request.secrets)} (keepalive)`, undefined, request.secrets);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        keepalive: true,
        signal: request.signal ?? null,
        credentials: config.withCredentials ? 'include' : 'same-origin',
      });
      return {
        status: response.status,
        statusText: response.statusText,
        contentType: response.headers.get('content-type') ?? '',
        text: await response.text(),
      };
    } catch (error) {
      throw transportError(request, error);
    }
  }

  function statusError(request: HttpRequest, response: HttpResponse): RecordingServiceError {
    const url = redact(request.url, request.secrets);
    const method = request.method;
    const { status } = response;
    let details: unknown = undefined;
    if (response.text) {
      if (/json/i.test(response.contentType)) {
        try {
          details = JSON.parse(response.text);
        } catch {
          details = response.text.slice(0, 2000);
        }
      } else {
        details = response.text.slice(0, 2000);
      }
    }
    details = details === undefined ? undefined : redactDeep(details, allSecrets(request.secrets));
    const kind: RecordingServiceErrorKind =
      status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'http';
    const hint =
      status === 401
        ? 'sign in again: the session is missing, expired or refused'
        : status === 403
          ? 'the signed-in user may not do this'
          : undefined;
    const init = {
      kind,
      message: `${method} ${pathOf(url)} failed: ${status}${response.statusText ? ` ${redactText(response.statusText, allSecrets(request.secrets))}` : ''}`,
      status,
      method,
      url,
      details,
    };
    return new RecordingServiceError(hint ? { ...init, hint } : init);
  }

  return { send, sendKeepalive, statusError, redact, log };
}
