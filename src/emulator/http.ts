/** Answers and errors in the shapes an ACSR server uses. */

/** `application/vnd.avaya.<name>+json`. */
export function vnd(name: string): string {
  return `application/vnd.avaya.${name}+json`;
}

/** The media types of the operations (see WIRE.md). */
export const MEDIA_TYPES = Object.freeze({
  details: vnd('asr.response.details.v2'),
  pagedList: vnd('asr.paged.list.v2'),
  list: vnd('asr.list.v2'),
  program: vnd('asr.program.v2'),
  programPassword: vnd('asr.program.password.v2'),
  programAddress: vnd('asr.program.address.v2'),
  programStatus: vnd('asr.program.status.v2'),
  reportReceipt: vnd('asr.program.report.receipt.v2'),
  category: vnd('asr.program.category.v2'),
  template: vnd('asr.program.template.v2'),
  chatSession: vnd('chat.session.v2'),
  chatMessage: vnd('chat.message.v2'),
  authToken: vnd('portal.authentication.content_server_token.v1'),
  authError: vnd('csa.error.v1'),
});

/** An error answer raised anywhere in a route; becomes a details body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** A JSON answer with the given media type. */
export function json(body: unknown, type: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

/** An empty answer (204). */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  416: 'Range Not Satisfiable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** An error answer: `{ status, error, message, details? }` as `asr.response.details.v2`. */
export function problem(
  status: number,
  message: string,
  details?: unknown,
  headers: Record<string, string> = {},
  type: string = MEDIA_TYPES.details,
): Response {
  const body: Record<string, unknown> = { status, error: REASONS[status] ?? 'Error', message };
  if (details !== undefined) body.details = details;
  return json(body, type, status, headers);
}

/** The bare media type of a Content-Type header, lowercased. */
export function mediaTypeOf(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Reads a JSON object body, insisting on the operation's media type (or plain `application/json`). */
export async function readJsonBody(request: Request, type: string): Promise<Record<string, unknown>> {
  const given = mediaTypeOf(request);
  if (given !== type && given !== 'application/json') {
    throw new HttpError(400, `Content-Type must be ${type}`, { contentType: given || null });
  }
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'The body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Redacts secrets (token, password, PINs) from query values, for logs. */
export function redactQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) out[key] = SECRET_PARAMS.has(key) ? '***' : value;
  return out;
}

const SECRET_PARAMS = new Set(['token', 'password', 'moderatorPin', 'pin']);

/** `path?query` with secrets redacted. */
export function redactedTarget(url: URL): string {
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams) params.append(key, SECRET_PARAMS.has(key) ? '***' : value);
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** Headers as a record for logs, with the Authorization credential (a portal token) redacted. */
export function redactHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    out[key] = key === 'authorization' ? value.replace(/^(\S+\s+).+$/, '$1***') : value;
  }
  return out;
}
