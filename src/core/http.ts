import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { errorKindOfStatus, RecordingServiceError } from './errors';
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

/**
 * Percent-encodes one path segment. `.` and `..` are refused: encodeURIComponent leaves dots as they are,
 * and every URL parser (axios, fetch, the browser) resolves such a segment. An id that merely spells
 * `%2e` is sent safely as `%252e`.
 */
export function encodeSegment(given: string, field = 'id'): string {
  // Ids are numeric on real servers: a JavaScript caller's number is taken as its text.
  const value: unknown = typeof given === 'number' && Number.isFinite(given) ? String(given) : given;
  if (typeof value !== 'string' || value === '') {
    throw new RecordingServiceError({ kind: 'validation', message: `${field} must be a non-empty string` });
  }
  if (value === '.' || value === '..') {
    throw new RecordingServiceError({
      kind: 'validation',
      message: `${field} cannot be "${value}"`,
      hint: 'URL parsers resolve "." and ".." segments, so such an id cannot be addressed',
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

/**
 * The deadline of one attempt: a timer of `timeoutMs` and the caller's signal joined into one signal given to
 * the transport, so the whole exchange (connect, headers and every byte of the body) ends by then. It does
 * what `AbortSignal.any([AbortSignal.timeout(ms), signal])` does, but clears its timer and listener when the
 * attempt ends instead of leaving them to the garbage collector, and runs where `AbortSignal.any` does not.
 * `why` tells the transport's abort apart from the caller's: `timeout`, or `too-large` when a browser's
 * progress events show an answer past the size limit.
 */
interface Deadline {
  signal: AbortSignal;
  why(): 'timeout' | 'too-large' | undefined;
  cut(): void;
  end(): void;
}

function startDeadline(timeoutMs: number, caller: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let why: 'timeout' | 'too-large' | undefined;
  const stop = (reason: 'timeout' | 'too-large') => {
    if (controller.signal.aborted) return;
    why = reason;
    controller.abort(new Error(reason === 'timeout' ? `deadline of ${timeoutMs} ms passed` : 'answer too large'));
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onCallerAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    why: () => why,
    cut: () => stop('too-large'),
    end() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** An origin (`https://host:port`) of a URL, or undefined when it cannot be parsed. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Length in bytes of a request body as UTF-8 (a lower bound when it holds lone surrogates). */
function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/**
 * Reads a fetch body as text, cancelling it once it passes `limit` bytes (fetch has no size limit of its
 * own). Returns undefined when it was cut.
 */
async function readBounded(response: Response, limit: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
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
  /**
   * Sends, retrying a GET on network errors, 5xx and 429. Resolves with any non-redirect answer; rejects with
   * a RecordingServiceError: `timeout` past `timeoutMs` (body included), `aborted` on the caller's signal,
   * `validation` past `maxResponseBytes`, `http` for a redirect (never followed), `network` otherwise.
   */
  send(request: HttpRequest): Promise<HttpResponse>;
  /**
   * Sends with `fetch(..., { keepalive: true })` so the request survives a page unload; same deadline, size
   * limit and redirect refusal as `send`, never retried.
   */
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

  const limit = config.maxResponseBytes;

  function tooLargeError(request: HttpRequest, what: 'answer' | 'request body', cause?: unknown) {
    const url = redact(request.url, request.secrets);
    return new RecordingServiceError({
      kind: 'validation',
      message: `${request.method} ${pathOf(url)}: the ${what} is larger than maxResponseBytes (${limit} bytes)`,
      hint:
        what === 'answer'
          ? 'the answer was cut off unread; raise maxResponseBytes if the server really sends answers this large'
          : 'nothing was sent; raise maxResponseBytes if such bodies are expected',
      method: request.method,
      url,
      cause,
    });
  }

  function timeoutError(request: HttpRequest, cause: unknown): RecordingServiceError {
    const url = redact(request.url, request.secrets);
    return new RecordingServiceError({
      kind: 'timeout',
      message: `${request.method} ${pathOf(url)} timed out after ${config.timeoutMs} ms`,
      hint: 'the server did not send its whole answer in time; raise timeoutMs if it is slow',
      method: request.method,
      url,
      cause,
    });
  }

  /**
   * A redirect is never followed: its target may be plain http or another host, and the request URL carries
   * the token and timestamp. `target` is the redirect's destination when known (redacted here).
   */
  function redirectError(
    request: HttpRequest,
    status: number | undefined,
    target: string | undefined,
    followed: boolean,
  ): RecordingServiceError {
    const url = redact(request.url, request.secrets);
    const shownTarget = target ? redact(target, request.secrets) : undefined;
    const where = shownTarget ? `to ${shownTarget}` : '(the browser hides where to)';
    return new RecordingServiceError({
      kind: 'http',
      // The status of an answer fetched elsewhere is not this server's: only a refused redirect's is kept.
      ...(status && !followed ? { status } : {}),
      message: followed
        ? `${request.method} ${pathOf(url)} was redirected ${where}, away from the configured origin`
        : `${request.method} ${pathOf(url)} failed: ${status ? `${status} ` : ''}redirect refused`,
      hint: followed
        ? `the browser followed a redirect ${where} and its answer was discarded; point host, port and isSecure at the server that answers`
        : `the server redirected ${where}; redirects are never followed, so credentials cannot leave https or the configured origin. Point host, port and isSecure at the server that answers`,
      method: request.method,
      url,
      details: shownTarget ? { location: shownTarget } : undefined,
    });
  }

  function transportError(request: HttpRequest, error: unknown, deadline?: Deadline): RecordingServiceError {
    if (error instanceof RecordingServiceError) return error;
    const url = redact(request.url, request.secrets);
    const method = request.method;
    // The caller's abort first: it stays `aborted` even when the deadline passed meanwhile.
    if (request.signal?.aborted) return abortedError(method, url, error);
    if (deadline?.why() === 'timeout') return timeoutError(request, error);
    if (deadline?.why() === 'too-large') return tooLargeError(request, 'answer', error);
    if (axios.isCancel(error)) return abortedError(method, url, error);
    const code = (error as { code?: string } | null)?.code;
    const text = String((error as { message?: string } | null)?.message ?? '');
    if (/maxContentLength size of/i.test(text)) return tooLargeError(request, 'answer', error);
    if (/maxBodyLength/i.test(text)) return tooLargeError(request, 'request body', error);
    if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(text))) {
      return timeoutError(request, error);
    }
    return new RecordingServiceError({
      kind: 'network',
      message: `${method} ${pathOf(url)} failed: network error${code ? ` (${code})` : ''}`,
      hint: networkHint,
      method,
      url,
      cause: error,
    });
  }

  /** Refuses a redirect answer, or an answer a browser fetched from elsewhere after following one. */
  function checkRedirect(request: HttpRequest, response: AxiosResponse): void {
    const { status } = response;
    if (status >= 300 && status < 400) {
      const location = headerOf(response, 'location');
      let target = location;
      try {
        if (location) target = new URL(location, request.url).href;
      } catch {
        // An unparsable Location is shown as given (redacted).
      }
      throw redirectError(request, status, target, false);
    }
    // fetch with `redirect: 'manual'` (axios's fetch adapter when maxRedirects is 0) in a browser: an
    // opaque redirect, status 0.
    if (status === 0) throw redirectError(request, undefined, undefined, false);
    // XHR follows redirects before any script sees them; its responseURL tells where the answer came from.
    const finalUrl = (response.request as { responseURL?: unknown } | null | undefined)?.responseURL;
    if (typeof finalUrl === 'string' && finalUrl !== '' && originOf(finalUrl) !== originOf(request.url)) {
      throw redirectError(request, status, finalUrl, true);
    }
  }

  const inBrowser = typeof XMLHttpRequest !== 'undefined';

  async function sendOnce(request: HttpRequest, deadline: Deadline): Promise<HttpResponse> {
    const response = await instance.request<string>({
      url: request.url,
      method: request.method,
      // Without a body no Content-Type is sent (axios would add a form type to a bodiless POST in Node).
      headers: request.body === undefined ? { ...request.headers, 'Content-Type': false } : request.headers,
      data: request.body,
      signal: deadline.signal,
      timeout: config.timeoutMs,
      // Node (and axios's fetch adapter) hand a 3xx back instead of following it; checkRedirect refuses it.
      maxRedirects: 0,
      // Node counts the decompressed bytes, so a small gzip body inflating past the limit is cut off too.
      maxContentLength: limit,
      maxBodyLength: limit,
      // XHR has no size limit of its own: its progress events cut a large answer off as it arrives.
      ...(inBrowser && {
        onDownloadProgress: (event: { loaded: number }) => {
          if (event.loaded > limit) deadline.cut();
        },
      }),
      withCredentials: config.withCredentials,
      responseType: 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
    checkRedirect(request, response);
    const text = typeof response.data === 'string' ? response.data : response.data == null ? '' : String(response.data);
    // Any adapter without a limit of its own: at least nothing larger reaches the parsers.
    if (text.length > limit) throw tooLargeError(request, 'answer');
    return {
      status: response.status,
      statusText: response.statusText ?? '',
      contentType: headerOf(response, 'content-type') ?? '',
      text,
      retryAfter: headerOf(response, 'retry-after'),
    };
  }

  const retryable = (status: number) => status === 429 || status >= 500;

  function checkBodySize(request: HttpRequest): void {
    if (request.body !== undefined && request.body.length * 3 > limit && byteLength(request.body) > limit) {
      throw tooLargeError(request, 'request body');
    }
  }

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const safeUrl = () => redact(request.url, request.secrets);
    if (request.signal?.aborted) throw abortedError(request.method, safeUrl(), request.signal.reason);
    checkBodySize(request);
    const maxRetries = request.method === 'GET' ? config.retry.attempts : 0;
    for (let attempt = 0; ; attempt++) {
      log('debug', `${request.method} ${safeUrl()}`, { attempt }, request.secrets);
      let outcome: { response: HttpResponse } | { failure: RecordingServiceError };
      const deadline = startDeadline(config.timeoutMs, request.signal);
      try {
        outcome = { response: await sendOnce(request, deadline) };
      } catch (error) {
        outcome = { failure: transportError(request, error, deadline) };
      } finally {
        deadline.end();
      }
      const reason = 'failure' in outcome ? outcome.failure.kind : outcome.response.status;
      // Only network failures and 5xx/429 answers: a timeout, a redirect or an oversized answer would come again.
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
    checkBodySize(request);
    log('debug', `${request.method} ${redact(request.url, request.secrets)} (keepalive)`, undefined, request.secrets);
    const deadline = startDeadline(config.timeoutMs, request.signal);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        keepalive: true,
        // Refused below rather than followed: a browser gives an opaque redirect, Node the 3xx itself.
        redirect: 'manual',
        signal: deadline.signal,
        credentials: config.withCredentials ? 'include' : 'same-origin',
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        let target = location ?? undefined;
        try {
          if (location) target = new URL(location, request.url).href;
        } catch {
          // Shown as given (redacted).
        }
        throw redirectError(request, response.status || undefined, target, false);
      }
      const text = await readBounded(response, limit);
      if (text === undefined) throw tooLargeError(request, 'answer');
      return {
        status: response.status,
        statusText: response.statusText,
        contentType: response.headers.get('content-type') ?? '',
        text,
      };
    } catch (error) {
      throw transportError(request, error, deadline);
    } finally {
      deadline.end();
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
    const kind = errorKindOfStatus(status);
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
