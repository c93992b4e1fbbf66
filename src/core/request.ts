import { RecordingServiceError } from './errors';
import { baseUrl } from './config';
import {
  buildQuery,
  requestError,
  send as sendHttp,
  statusError,
  type HttpEngine,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  type QueryParams,
} from './http';
import { internalsOf, type ContextInternals, type RecordingContext, type SessionState } from './context';
import { validateAnswer, type AnswerIssue, type AnswerSchema } from './schemas';
import type { RequestOptions } from './types';

/** `application/vnd.avaya.<name>+json`. */
export const mediaType = (name: string): string => `application/vnd.avaya.${name}+json`;

/** The details (error) media type every Accept ends with. */
export const detailsType = mediaType('asr.response.details.v2');

/** The Accept header of an operation: its answer type first, then the details (error) type. */
export const accept = (name?: string): string => (name ? `${mediaType(name)}, ${detailsType}` : detailsType);

/** One operation's request, before credentials. */
export interface Call<T> {
  method: HttpMethod;
  /** Path after the base URL, segments already encoded. */
  path: string;
  query?: QueryParams;
  accept: string;
  contentType?: string;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Secret values of this call (passwords, PINs). */
  secrets?: (string | undefined)[];
  /**
   * `schema`: a function building the answer schema (called on the first answer only);
   * `none`: the body is ignored; `read`: a custom reader, `undefined` meaning "not an answer".
   */
  answer: { schema: () => AnswerSchema<T> } | 'none' | { read: (response: HttpResponse) => T | undefined };
  /** How to send it: `send` of ./http unless given (the keepalive path of `reportViewEnd`). */
  transport?: (engine: HttpEngine, request: HttpRequest) => Promise<HttpResponse>;
}

/** Copies the listed keys of `params` (undefined ones are left out by `buildQuery`). */
export function pick<P extends object>(params: P | undefined, keys: readonly (keyof P & string)[]): QueryParams {
  const out: QueryParams = {};
  for (const key of params ? keys : []) out[key] = params![key] as QueryParams[string];
  return out;
}

/** The abort signal of a call: the options' one, else one given inside the params. */
export const signalOf = (
  params: { signal?: AbortSignal } | undefined,
  options: RequestOptions | undefined,
): AbortSignal | undefined => options?.signal ?? params?.signal;

/** A `validation` error about the caller's input, naming the field. */
export const invalid = (message: string, field?: string, hint?: string): RecordingServiceError =>
  new RecordingServiceError({ kind: 'validation', message, details: field && { field }, hint });

/** Reads the answer of a call that succeeded; throws a `validation` error when it is not an ACSR answer. */
function parse<T>({ answer }: Call<T>, http: HttpEngine, request: HttpRequest, response: HttpResponse): T {
  const { contentType } = response;
  const notAnswer = (what: string, issues?: AnswerIssue[]) =>
    requestError(http, request, 'validation', `answered ${what}`, {
      status: response.status,
      details: { contentType, ...(issues && { issues }) },
      hint: 'not an ACSR answer: check host, port and resource paths',
    });
  if (answer === 'none') return undefined as T;
  if ('read' in answer) {
    const value = answer.read(response);
    if (value === undefined) throw notAnswer('no report id');
    return value;
  }
  if (!/json/i.test(contentType)) throw notAnswer(`${contentType || 'no content type'} where JSON was expected`);
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw notAnswer('malformed JSON');
  }
  const result = validateAnswer(answer.schema(), body);
  if (!result.ok) throw notAnswer('an unexpected shape', result.issues);
  return result.value;
}

/**
 * Whether a call answered 401 may be replayed once: yes when the token changed meanwhile, or after one
 * re-exchange shared by every concurrent caller (only with the sign-in module and a portal token in memory).
 * Otherwise a signed-in session ends as expired, with or without the sign-in module.
 */
function recover(inner: ContextInternals, usedToken: string | undefined): boolean | Promise<boolean> {
  const state = inner.store.getState();
  if (state.status !== 'user') return false;
  if (state.token !== usedToken) return true;
  if (inner.session?.canReexchange()) return inner.session.reexchange();
  inner.expire({ kind: 'unauthorized', status: 401 });
  return false;
}

/**
 * Sends one operation with the context's credentials, replays it once after a cured 401, and reads the
 * answer. Every request's secrets include the credentials it was sent with, so an error of a 401 that
 * echoes them after the session ended still redacts them.
 */
export async function send<T>(context: RecordingContext, spec: Call<T>): Promise<T> {
  const inner = internalsOf(context);
  const { config, http } = inner;
  let usedToken: string | undefined;
  let request: HttpRequest | undefined;
  /** Sends the call with the credentials of now; a replay's errors redact the first attempt's secrets too. */
  const attempt = (): Promise<HttpResponse> => {
    const state = inner.store.getState();
    const { user, token, timestamp }: Partial<SessionState> = state.status === 'user' ? state : {};
    usedToken = token;
    const query = { ...spec.query, tenantId: config.tenantId, user, token, timestamp };
    request = {
      method: spec.method,
      url: `${baseUrl(config)}${spec.path}${buildQuery(query)}`,
      headers: { Accept: spec.accept, ...(spec.contentType && { 'Content-Type': spec.contentType }) },
      // JSON.stringify(undefined) is undefined: no body.
      body: JSON.stringify(spec.body),
      signal: spec.signal,
      secrets: [...(spec.secrets ?? []), token, timestamp, ...(request?.secrets ?? [])],
    };
    return (spec.transport ?? sendHttp)(http, request);
  };

  let response = await attempt();
  if (response.status === 401 && (await recover(inner, usedToken))) response = await attempt();
  if (response.status < 200 || response.status >= 300) throw statusError(http, request!, response);
  return parse(spec, http, request!, response);
}
