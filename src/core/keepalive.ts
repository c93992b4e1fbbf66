import {
  attempt,
  checkRequest,
  failure,
  log,
  redact,
  redirectError,
  type HttpEngine,
  type HttpRequest,
  type HttpResponse,
} from './http';

/*
 * The keepalive path of the transport, in its own module: only `reportViewEnd(..., { keepalive: true })`
 * sends this way, so an app that never calls it does not ship it.
 */

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

/**
 * Sends with `fetch(..., { keepalive: true })` so the request survives a page unload; same deadline, size
 * limit and redirect refusal as `send`, never retried.
 */
export async function sendKeepalive(engine: HttpEngine, request: HttpRequest): Promise<HttpResponse> {
  const { config } = engine;
  checkRequest(engine, request);
  log(
    engine,
    'debug',
    `${request.method} ${redact(engine, request.url, request.secrets)} (keepalive)`,
    undefined,
    request.secrets,
  );
  return attempt(engine, request, async (deadline) => {
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
    const { status, headers } = response;
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      await response.body?.cancel().catch(() => {});
      throw redirectError(engine, request, status || undefined, headers.get('location'));
    }
    const text = await readBounded(response, config.maxResponseBytes);
    if (text === undefined) throw failure(engine, request, 'too-large');
    return { status, statusText: response.statusText, contentType: headers.get('content-type') ?? '', text };
  });
}
