import { RecordingServiceError } from './errors';
import { baseUrl, type ResolvedRecordingServiceConfig } from './config';
import {
  buildQuery,
  encodeSegment,
  type HttpEngine,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  type QueryParams,
} from './http';
import { answers, validateAnswer, type AnswerSchema } from './schemas';
import type { SessionManager } from './session';
import type {
  BroadcastWhen,
  CatalogApi,
  Category,
  ChatApi,
  NewChatMessage,
  ProgramChanges,
  ProgramsApi,
  ReportParams,
  ReportsApi,
  RequestOptions,
  SettingsApi,
  Template,
  ViewReportReceipt,
} from './types';

/** `application/vnd.avaya.<name>+json`. */
export const mediaType = (name: string): string => `application/vnd.avaya.${name}+json`;

const details = mediaType('asr.response.details.v2');
/** The Accept header of an operation: its answer type first, then the details (error) type. */
const accept = (name?: string): string => (name ? `${mediaType(name)}, ${details}` : details);

type Answer<T> = AnswerSchema<T> | 'none' | 'receipt';

interface Call<T> {
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
  answer: Answer<T>;
  keepalive?: boolean;
}

/** Copies the listed keys of `params` (undefined ones are left out by `buildQuery`). */
function pick<P extends object>(params: P | undefined, keys: readonly (keyof P & string)[]): QueryParams {
  const out: QueryParams = {};
  if (!params) return out;
  for (const key of keys) out[key] = params[key] as QueryParams[string];
  return out;
}

const signalOf = (params: { signal?: AbortSignal } | undefined, options: RequestOptions | undefined) =>
  options?.signal ?? params?.signal;

function invalid(message: string, field?: string, hint?: string): RecordingServiceError {
  const init = { kind: 'validation' as const, message, ...(field ? { details: { field } } : {}) };
  return new RecordingServiceError(hint ? { ...init, hint } : init);
}

const accessModes = ['PRIVATE', 'USER_LIST', 'ALL_USERS', 'PUBLIC'];
const thumbnailTypes = ['image/jpeg', 'image/png', 'image/gif'];
const readOnlyFields = new Set([
  'self', 'id', 'tenantId', 'owner', 'ownerDisplayName', 'category', 'templateId', 'passwordProtected', 'authorizeUrl',
  'accessDenied', 'live', 'started', 'startDate', 'creationDate', 'expirationDate', 'deleted', 'deletedDate', 'duration',
  'size', 'width', 'height', 'bitrate', 'mediaType', 'md5Hash', 'available', 'canEdit', 'viewCount',
  'currentViewerCount', 'thumbnail', 'statusUrl', 'reportUrl', 'chatEnabled', 'moderatorPinProtected', 'dnAddress',
  'conferenceAddress', 'programStatus', 'stream', 'record', 'distributeToCDN',
]); // prettier-ignore

/** Checks the changes of an update and returns only the fields given. */
export function checkProgramChanges(changes: unknown): Record<string, unknown> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw invalid('update needs an object of changed fields');
  }
  const out: Record<string, unknown> = {};
  const isStringList = (value: unknown) => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (field === 'deleted')
      throw invalid('deleted cannot be changed by update', field, 'use restore(id) or remove(id)');
    if (readOnlyFields.has(field)) throw invalid(`${field} is read-only`, field);
    const check = (ok: boolean, expected: string) => {
      if (!ok) throw invalid(`${field} must be ${expected}`, field);
    };
    switch (field) {
      case 'name':
        check(typeof value === 'string' && value.trim() !== '', 'a non-empty string');
        break;
      case 'description':
      case 'categoryId':
      case 'password':
        check(typeof value === 'string', 'a string');
        break;
      case 'accessMode':
        check(typeof value === 'string' && accessModes.includes(value), `one of ${accessModes.join(', ')}`);
        break;
      case 'accessUsers':
      case 'participantUsers':
        check(isStringList(value), 'an array of strings');
        break;
      case 'public':
      case 'allowMediaDownload':
        check(typeof value === 'boolean', 'a boolean');
        break;
      case 'thumbnailData':
        check(typeof value === 'string' && value.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value), 'base64 text');
        break;
      case 'thumbnailMimeType':
        check(typeof value === 'string' && thumbnailTypes.includes(value), `one of ${thumbnailTypes.join(', ')}`);
        break;
      default:
        throw invalid(`${field} is not a writable program field`, field);
    }
    out[field] = value;
  }
  if ((out.thumbnailData === undefined) !== (out.thumbnailMimeType === undefined)) {
    throw invalid('thumbnailData and thumbnailMimeType go together', 'thumbnailMimeType', 'give both or neither');
  }
  if (Object.keys(out).length === 0) throw invalid('update needs at least one changed field');
  return out;
}

/** The receipt of `reportViewStart`: its shape is undocumented, so several are accepted. */
function parseReceipt(response: HttpResponse): ViewReportReceipt | undefined {
  const text = response.text.trim();
  if (!text) return undefined;
  let raw: unknown = text;
  if (/json/i.test(response.contentType) || /^[[{"\d]/.test(text)) {
    try {
      raw = JSON.parse(text);
    } catch {
      raw = text;
    }
  } else if (/html|xml/i.test(response.contentType)) {
    return undefined;
  }
  const id = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
  // The legacy client read `answer.receipt`; the receipt may also be the id itself or carry it as reportId/id.
  const fromRecord = (value: unknown, depth: number): string | undefined => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return id(value);
    const record = value as Record<string, unknown>;
    return id(record.reportId) ?? id(record.id) ?? (depth > 0 ? fromRecord(record.receipt, depth - 1) : undefined);
  };
  const reportId = fromRecord(raw, 1);
  return reportId === undefined ? undefined : { reportId, raw };
}

/** The operations of WIRE.md bound to one client's transport and session. */
export function createOperations(config: ResolvedRecordingServiceConfig, http: HttpEngine, session: SessionManager) {
  const base = baseUrl(config);
  const { programsUrl: P, categoriesUrl: C, templatesUrl: T, reportsUrl: R } = config.resources;

  function validation(
    request: HttpRequest,
    response: HttpResponse,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    return new RecordingServiceError({
      kind: 'validation',
      message: `${request.method} ${http.redact(request.url, request.secrets).split('?')[0]?.replace(base, '')} answered ${message}`,
      status: response.status,
      method: request.method,
      url: http.redact(request.url, request.secrets),
      details: { contentType: response.contentType, ...extra },
      hint: 'the server answered something other than the ACSR API: check the host, port and resource paths (a proxy or login page answers HTML)',
    });
  }

  function parse<T>(call: Call<T>, request: HttpRequest, response: HttpResponse): T {
    if (call.answer === 'none') return undefined as T;
    if (call.answer === 'receipt') {
      const receipt = parseReceipt(response);
      if (!receipt) throw validation(request, response, 'no report id');
      return receipt as T;
    }
    if (!/json/i.test(response.contentType)) {
      throw validation(request, response, `${response.contentType || 'no content type'} where JSON was expected`);
    }
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw validation(request, response, 'malformed JSON');
    }
    const result = validateAnswer(call.answer, body);
    if (!result.ok) throw validation(request, response, 'an unexpected shape', { issues: result.issues });
    return result.value;
  }

  async function call<T>(spec: Call<T>): Promise<T> {
    const attempt = () => {
      const credentials = session.credentials();
      const query: QueryParams = {
        ...spec.query,
        tenantId: config.tenantId,
        user: credentials.user,
        token: credentials.token,
        timestamp: credentials.timestamp,
      };
      const headers: Record<string, string> = { Accept: spec.accept };
      if (spec.contentType) headers['Content-Type'] = spec.contentType;
      const request: HttpRequest = {
        method: spec.method,
        url: `${base}${spec.path}${buildQuery(query)}`,
        headers,
        signal: spec.signal,
        secrets: spec.secrets ?? [],
      };
      if (spec.body !== undefined) request.body = JSON.stringify(spec.body);
      return { request, usedToken: credentials.token };
    };
    const send = (request: HttpRequest) => (spec.keepalive ? http.sendKeepalive(request) : http.send(request));

    let { request, usedToken } = attempt();
    let response = await send(request);
    if (response.status === 401 && (await session.recover(usedToken))) {
      ({ request, usedToken } = attempt());
      response = await send(request);
    }
    if (response.status < 200 || response.status >= 300) throw http.statusError(request, response);
    return parse(spec, request, response);
  }

  const program = (id: string) => `${P}/${encodeSegment(id, 'id')}`;
  const listKeys = ['query', 'offset', 'count', 'orderBy', 'orderBy2', 'category', 'ownerId'] as const;
  const checkOrder = (params: { orderBy?: string; orderBy2?: string } | undefined) => {
    if (params?.orderBy2 !== undefined && params.orderBy === undefined)
      throw invalid('orderBy2 needs orderBy', 'orderBy2');
  };
  const broadcastPaths: Record<BroadcastWhen, string> = {
    all: '/live',
    future: '/live/future',
    today: '/live/today',
    now: '/live/now',
  };
  const paged = mediaType('asr.paged.list.v2');
  const list = accept('asr.list.v2');

  const programs: ProgramsApi = {
    async list(params, options) {
      checkOrder(params);
      return call({
        method: 'GET',
        path: P,
        query: pick(params, [...listKeys, 'onlyDeleted']),
        accept: `${paged}, ${details}`,
        signal: signalOf(params, options),
        answer: answers.pagedList,
      });
    },
    async listByCategory(categoryId, params, options) {
      return call({
        method: 'GET',
        path: `${P}/category/${encodeSegment(categoryId, 'categoryId')}`,
        query: pick(params, ['offset', 'count']),
        accept: `${paged}, ${details}`,
        signal: signalOf(params, options),
        answer: answers.pagedList,
      });
    },
    async listByPublisher(ownerId, params, options) {
      return call({
        method: 'GET',
        path: `${P}/publisher/${encodeSegment(ownerId, 'ownerId')}/vod`,
        query: pick(params, ['offset', 'count', 'onlyDeleted']),
        accept: `${paged}, ${details}`,
        signal: signalOf(params, options),
        answer: answers.pagedList,
      });
    },
    async broadcasts(when, params, options) {
      const suffix = broadcastPaths[when];
      if (!Object.hasOwn(broadcastPaths, when) || !suffix) {
        throw invalid(`when must be one of ${Object.keys(broadcastPaths).join(', ')}`, 'when');
      }
      checkOrder(params);
      return call({
        method: 'GET',
        path: `${P}${suffix}`,
        query: { timezoneOffset: params?.timezoneOffset ?? new Date().getTimezoneOffset(), ...pick(params, listKeys) },
        accept: `${paged}, ${details}`,
        signal: signalOf(params, options),
        answer: answers.pagedList,
      });
    },
    async get(id, params, options) {
      return call({
        method: 'GET',
        path: program(id),
        query: pick(params, ['dnid']),
        accept: accept('asr.program.v2'),
        signal: signalOf(params, options),
        answer: answers.program,
      });
    },
    async authorize(id, password, options) {
      if (typeof password !== 'string' || password === '') throw invalid('authorize needs a password', 'password');
      return call({
        method: 'POST',
        path: `${program(id)}/authorize/`,
        accept: accept('asr.program.v2'),
        contentType: mediaType('asr.program.password.v2'),
        body: { password },
        signal: options?.signal,
        secrets: [password],
        answer: answers.program,
      });
    },
    async playbackAddress(id, params, options) {
      // An empty password unlocks nothing: like the legacy client, only a given one makes this a POST.
      const password = params?.password === '' ? undefined : params?.password;
      return call({
        method: password !== undefined ? 'POST' : 'GET',
        path: `${program(id)}/url`,
        query: pick(params, ['dnid']),
        accept: accept('asr.program.address.v2'),
        ...(password !== undefined ? { contentType: mediaType('asr.program.address.v2'), body: { password } } : {}),
        signal: signalOf(params, options),
        secrets: [password],
        answer: answers.programAddress,
      });
    },
    async status(id, options) {
      return call({
        method: 'GET',
        path: `${program(id)}/status`,
        accept: accept('asr.program.status.v2'),
        signal: options?.signal,
        answer: answers.programStatus,
      });
    },
    async reportViewStart(id, params, options) {
      return call({
        method: 'POST',
        path: `${program(id)}/report`,
        query: pick(params, ['dnId']),
        accept: accept('asr.program.report.receipt.v2'),
        signal: signalOf(params, options),
        answer: 'receipt',
      });
    },
    async reportViewEnd(id, reportId, params, options) {
      return call<void>({
        method: 'POST',
        path: `${program(id)}/report/${encodeSegment(String(reportId), 'reportId')}`,
        query: pick(params, ['dnId']),
        accept: details,
        signal: signalOf(params, options),
        answer: 'none',
        keepalive: params?.keepalive === true,
      });
    },
    async update(id, changes, options) {
      const body = checkProgramChanges(changes);
      return call({
        method: 'PUT',
        path: program(id),
        accept: accept('asr.program.v2'),
        contentType: mediaType('asr.program.v2'),
        body,
        signal: options?.signal,
        secrets: [(changes as ProgramChanges).password],
        answer: answers.program,
      });
    },
    async remove(id, params, options) {
      return call<void>({
        method: 'DELETE',
        path: program(id),
        query: pick(params, ['deleteResources', 'permanent']),
        accept: details,
        signal: signalOf(params, options),
        answer: 'none',
      });
    },
    async restore(id, options) {
      return call({
        method: 'PUT',
        path: program(id),
        accept: accept('asr.program.v2'),
        contentType: mediaType('asr.program.v2'),
        body: { deleted: false },
        signal: options?.signal,
        answer: answers.program,
      });
    },
  };

  const catalog = <E>(
    root: string,
    itemType: string,
    many: AnswerSchema<E[]>,
    one: AnswerSchema<E>,
  ): CatalogApi<E> => ({
    list: async (options) => call({ method: 'GET', path: root, accept: list, signal: options?.signal, answer: many }),
    get: async (id, options) =>
      call({
        method: 'GET',
        path: `${root}/${encodeSegment(id, 'id')}`,
        accept: accept(itemType),
        signal: options?.signal,
        answer: one,
      }),
  });
  const categories: CatalogApi<Category> = catalog(C, 'asr.program.category.v2', answers.categories, answers.category);
  const templates: CatalogApi<Template> = catalog(T, 'asr.program.template.v2', answers.templates, answers.template);

  const chatRoot = (programId: string) => `${P}/${encodeSegment(programId, 'programId')}/chat/sessions/`;
  const chat: ChatApi = {
    async sessions(programId, params, options) {
      return call({
        method: 'GET',
        path: chatRoot(programId),
        query: pick(params, ['moderatorPin']),
        accept: list,
        signal: signalOf(params, options),
        secrets: [params?.moderatorPin],
        answer: answers.chatSessions,
      });
    },
    async session(programId, sessionId, params, options) {
      return call({
        method: 'GET',
        path: `${chatRoot(programId)}${encodeSegment(sessionId, 'sessionId')}`,
        query: { moderatorPin: params?.moderatorPin, chatTimestamp: params?.after },
        accept: accept('chat.session.v2'),
        signal: signalOf(params, options),
        secrets: [params?.moderatorPin],
        answer: answers.chatSession,
      });
    },
    async openSession(programId, params, options) {
      if (typeof params?.sender !== 'string' || params.sender.trim() === '') {
        throw invalid('openSession needs the sender display name', 'sender');
      }
      return call({
        method: 'POST',
        path: chatRoot(programId),
        query: { sender: params.sender },
        accept: accept('chat.session.v2'),
        signal: signalOf(params, options),
        answer: answers.chatSession,
      });
    },
    async post(programId, sessionId, message: NewChatMessage, params, options) {
      const text: unknown = message?.message;
      if (typeof text !== 'string' || text.trim() === '') throw invalid('message must be non-empty text', 'message');
      const length = [...text].length;
      if (length > 1024) {
        throw invalid(`message is ${length} characters long; at most 1024 are allowed`, 'message');
      }
      if (message.type !== 'QUESTION' && message.type !== 'RESPONSE') {
        throw invalid('type must be QUESTION or RESPONSE', 'type');
      }
      const body: Record<string, unknown> = { sessionId, message: text, type: message.type };
      if (message.senderDisplayName !== undefined) body.senderDisplayName = message.senderDisplayName;
      return call<void>({
        method: 'POST',
        path: `${chatRoot(programId)}${encodeSegment(sessionId, 'sessionId')}`,
        query: pick(params, ['moderatorPin']),
        accept: details,
        contentType: mediaType('chat.message.v2'),
        body,
        signal: signalOf(params, options),
        secrets: [params?.moderatorPin],
        answer: 'none',
      });
    },
  };

  const settings: SettingsApi = {
    async system(options) {
      return call({
        method: 'GET',
        path: config.resources.systemSettingsUrl,
        accept: 'application/json',
        signal: options?.signal,
        answer: answers.systemSettings,
      });
    },
    async tenant(tenantIdOrOptions?: string | RequestOptions, options?: RequestOptions) {
      const onlyOptions = typeof tenantIdOrOptions === 'object' && tenantIdOrOptions !== null;
      const tenantId = onlyOptions ? config.tenantId : (tenantIdOrOptions ?? config.tenantId);
      return call({
        method: 'GET',
        path: `${config.resources.tenantsUrl}/${encodeSegment(tenantId, 'tenantId')}`,
        accept: 'application/json',
        signal: (onlyOptions ? tenantIdOrOptions.signal : undefined) ?? options?.signal,
        answer: answers.tenant,
      });
    },
  };

  const reportKeys = [
    'offset', 'count', 'ownerName', 'category', 'programName', 'range', 'startDate', 'endDate', 'userAgent', 'dnName', 'dnAddress',
  ] as const satisfies readonly (keyof ReportParams)[]; // prettier-ignore
  const reports: ReportsApi = {
    async access(params, options) {
      return call({
        method: 'GET',
        path: `${R}/programaccess`,
        query: pick(params, reportKeys),
        accept: list,
        signal: signalOf(params, options),
        answer: answers.accessReports,
      });
    },
    async accessForProgram(programId, params, options) {
      return call({
        method: 'GET',
        path: `${R}/programaccess/${encodeSegment(programId, 'programId')}`,
        query: pick(params, reportKeys),
        accept: list,
        signal: signalOf(params, options),
        answer: answers.accessReports,
      });
    },
    async viewers(programId, params, options) {
      return call({
        method: 'GET',
        path: `${R}/programview/${encodeSegment(programId, 'programId')}`,
        query: pick(params, reportKeys),
        accept: list,
        signal: signalOf(params, options),
        answer: answers.viewerReports,
      });
    },
  };

  return { programs, categories, templates, chat, settings, reports };
}
