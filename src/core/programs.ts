import { encodeSegment, type HttpResponse } from './http';
import type { RecordingContext } from './context';
import { sendKeepalive } from './keepalive';
import { accept, detailsType, invalid, mediaType, pick, send, signalOf } from './request';
import { read } from './operation';
import { entity, pagedListAnswer, programAddressSchema, programSchema, programStatusSchema } from './schemas';
import type {
  BroadcastParams,
  BroadcastWhen,
  CategoryListParams,
  PagedList,
  Program,
  ProgramAddress,
  ProgramChanges,
  ProgramStatus,
  PublisherListParams,
  RecordingListParams,
  RequestOptions,
  ViewReportReceipt,
} from './types';

const programAnswer = /* @__PURE__ */ entity<Program>(programSchema);
const programAccept = /* @__PURE__ */ accept('asr.program.v2');
const pagedAccept = /* @__PURE__ */ accept('asr.paged.list.v2');
const programPath = (context: RecordingContext, id: string, suffix = '') =>
  `${context.config.resources.programsUrl}/${encodeSegment(id, 'id')}${suffix}`;
const listKeys = ['query', 'offset', 'count', 'orderBy', 'orderBy2', 'category', 'ownerId'] as const;

function checkOrder(params: { orderBy?: string; orderBy2?: string } | undefined): void {
  if (params?.orderBy2 !== undefined && params.orderBy === undefined)
    throw invalid('orderBy2 needs orderBy', 'orderBy2');
}

/**
 * One page of recordings (GET `programs`): free text, paging, order, category, owner, recycle bin.
 *
 * @example
 * const page = await listPrograms(context, { query: 'town hall', count: 10 });
 */
export async function listPrograms(
  context: RecordingContext,
  params?: RecordingListParams & RequestOptions,
  options?: RequestOptions,
): Promise<PagedList> {
  checkOrder(params);
  // The quick start's two operations call `send` directly: for only two, the shared helper costs more than it saves.
  return send(context, {
    method: 'GET',
    path: context.config.resources.programsUrl,
    query: pick(params, [...listKeys, 'onlyDeleted']),
    accept: pagedAccept,
    signal: signalOf(params, options),
    answer: { schema: pagedListAnswer },
  });
}

/** One page of a category's recordings. */
export async function listProgramsByCategory(
  context: RecordingContext,
  categoryId: string,
  params?: CategoryListParams & RequestOptions,
  options?: RequestOptions,
): Promise<PagedList> {
  const path = `${context.config.resources.programsUrl}/category/${encodeSegment(categoryId, 'categoryId')}`;
  return read(context, path, pagedAccept, pagedListAnswer, params, options, ['offset', 'count']);
}

/** One page of a publisher's recordings (`onlyDeleted` for their recycle bin). */
export async function listProgramsByPublisher(
  context: RecordingContext,
  ownerId: string,
  params?: PublisherListParams & RequestOptions,
  options?: RequestOptions,
): Promise<PagedList> {
  const path = `${context.config.resources.programsUrl}/publisher/${encodeSegment(ownerId, 'ownerId')}/vod`;
  return read(context, path, pagedAccept, pagedListAnswer, params, options, ['offset', 'count', 'onlyDeleted']);
}

const broadcastPaths: Record<BroadcastWhen, string> = {
  all: '/live',
  future: '/live/future',
  today: '/live/today',
  now: '/live/now',
};

/** Live broadcasts; `timezoneOffset` defaults to this machine's. */
export async function listBroadcasts(
  context: RecordingContext,
  when: BroadcastWhen,
  params?: BroadcastParams & RequestOptions,
  options?: RequestOptions,
): Promise<PagedList> {
  const suffix = broadcastPaths[when];
  if (!Object.hasOwn(broadcastPaths, when) || !suffix) {
    throw invalid(`when must be one of ${Object.keys(broadcastPaths).join(', ')}`, 'when');
  }
  checkOrder(params);
  return send(context, {
    method: 'GET',
    path: `${context.config.resources.programsUrl}${suffix}`,
    query: { timezoneOffset: params?.timezoneOffset ?? new Date().getTimezoneOffset(), ...pick(params, listKeys) },
    accept: pagedAccept,
    signal: signalOf(params, options),
    answer: { schema: pagedListAnswer },
  });
}

/** One program. */
export async function getProgram(
  context: RecordingContext,
  id: string,
  params?: { dnid?: string } & RequestOptions,
  options?: RequestOptions,
): Promise<Program> {
  return send(context, {
    method: 'GET',
    path: programPath(context, id),
    query: pick(params, ['dnid']),
    accept: programAccept,
    signal: signalOf(params, options),
    answer: { schema: programAnswer },
  });
}

/** Sends a program's JSON `body` of media type `type`; answers the program. */
const sendProgram = (
  context: RecordingContext,
  method: 'POST' | 'PUT',
  path: string,
  type: string,
  body: unknown,
  options?: RequestOptions,
  secrets?: (string | undefined)[],
): Promise<Program> =>
  send(context, {
    method,
    path,
    accept: programAccept,
    contentType: mediaType(type),
    body,
    signal: options?.signal,
    secrets,
    answer: { schema: programAnswer },
  });

/** Unlocks a PIN- or password-protected program. */
export async function authorizeProgram(
  context: RecordingContext,
  id: string,
  password: string,
  options?: RequestOptions,
): Promise<Program> {
  if (typeof password !== 'string' || password === '') throw invalid('authorize needs a password', 'password');
  const path = programPath(context, id, '/authorize/');
  return sendProgram(context, 'POST', path, 'asr.program.password.v2', { password }, options, [password]);
}

const addressAnswer = /* @__PURE__ */ entity<ProgramAddress>(programAddressSchema);

/** Where and how a program plays; a protected one needs its `password`. */
export async function getPlaybackAddress(
  context: RecordingContext,
  id: string,
  params?: { password?: string; dnid?: string } & RequestOptions,
  options?: RequestOptions,
): Promise<ProgramAddress> {
  // An empty password unlocks nothing: like the legacy client, only a given one makes this a POST.
  const password = params?.password === '' ? undefined : params?.password;
  return send(context, {
    method: password !== undefined ? 'POST' : 'GET',
    path: programPath(context, id, '/url'),
    query: pick(params, ['dnid']),
    accept: accept('asr.program.address.v2'),
    ...(password !== undefined ? { contentType: mediaType('asr.program.address.v2'), body: { password } } : {}),
    signal: signalOf(params, options),
    secrets: [password],
    answer: { schema: addressAnswer },
  });
}

const statusAnswer = /* @__PURE__ */ entity<ProgramStatus>(programStatusSchema);

/** A program's recording state. */
export async function getProgramStatus(
  context: RecordingContext,
  id: string,
  options?: RequestOptions,
): Promise<ProgramStatus> {
  const path = programPath(context, id, '/status');
  return read(context, path, accept('asr.program.status.v2'), statusAnswer, options);
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
      // Not JSON after all: the text itself may be the id.
    }
  } else if (/html|xml/i.test(response.contentType)) {
    return undefined;
  }
  const id = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
  // The legacy client read `answer.receipt`; the receipt may also be the id itself or carry it as reportId/id.
  // An array holds none of these keys, so it gives no id like any other value that is not one.
  const fromRecord = (value: unknown, depth: number): string | undefined => {
    if (!value || typeof value !== 'object') return id(value);
    const record = value as Record<string, unknown>;
    return id(record.reportId) ?? id(record.id) ?? (depth > 0 ? fromRecord(record.receipt, depth - 1) : undefined);
  };
  const reportId = fromRecord(raw, 1);
  return reportId === undefined ? undefined : { reportId, raw };
}

/** Reports the start of a view; answers the report id that `reportViewEnd` needs. */
export async function reportViewStart(
  context: RecordingContext,
  id: string,
  params?: { dnId?: string } & RequestOptions,
  options?: RequestOptions,
): Promise<ViewReportReceipt> {
  return send(context, {
    method: 'POST',
    path: programPath(context, id, '/report'),
    query: pick(params, ['dnId']),
    accept: accept('asr.program.report.receipt.v2'),
    signal: signalOf(params, options),
    answer: { read: parseReceipt },
  });
}

/**
 * Reports the end of a view. With `keepalive: true` the call uses `fetch` keepalive, so it survives page
 * unload. A missing report id (`undefined`, `null`, an object, empty text) is refused as `validation`.
 */
export async function reportViewEnd(
  context: RecordingContext,
  id: string,
  reportId: string | number,
  params?: { dnId?: string; keepalive?: boolean } & RequestOptions,
  options?: RequestOptions,
): Promise<void> {
  const given: unknown = reportId;
  if (!(typeof given === 'string' || (typeof given === 'number' && Number.isFinite(given))) || given === '') {
    throw invalid('reportViewEnd needs the report id that reportViewStart answered', 'reportId');
  }
  return send<void>(context, {
    method: 'POST',
    path: programPath(context, id, `/report/${encodeSegment(String(given), 'reportId')}`),
    query: pick(params, ['dnId']),
    accept: detailsType,
    signal: signalOf(params, options),
    answer: 'none',
    ...(params?.keepalive === true && { transport: sendKeepalive }),
  });
}

type FieldRule = readonly [ok: (value: unknown) => boolean, expected: string];
const isString = (value: unknown): value is string => typeof value === 'string';
const text: FieldRule = [isString, 'a string'];
const flag: FieldRule = [(value) => typeof value === 'boolean', 'a boolean'];
const strings: FieldRule = [(value) => Array.isArray(value) && value.every(isString), 'an array of strings'];
const oneOf = (values: string[]): FieldRule => [
  (value) => values.includes(value as string),
  `one of ${values.join(', ')}`,
];

/** The writable fields of a program and what each must be; every other field is refused. */
const writableFields: Record<string, FieldRule> = {
  name: [(value) => isString(value) && value.trim() !== '', 'a non-empty string'],
  description: text,
  categoryId: text,
  password: text,
  accessMode: /* @__PURE__ */ oneOf(['PRIVATE', 'USER_LIST', 'ALL_USERS', 'PUBLIC']),
  accessUsers: strings,
  participantUsers: strings,
  public: flag,
  allowMediaDownload: flag,
  thumbnailData: [(value) => isString(value) && /^[A-Za-z0-9+/]+={0,2}$/.test(value), 'base64 text'],
  thumbnailMimeType: /* @__PURE__ */ oneOf(['image/jpeg', 'image/png', 'image/gif']),
};

/** Checks the changes of an update and returns only the fields given. */
export function checkProgramChanges(changes: unknown): Record<string, unknown> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw invalid('update needs an object of changed fields');
  }
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (field === 'deleted')
      throw invalid('deleted cannot be changed by update', field, 'use restore(id) or remove(id)');
    // Read-only, never-sent and unknown fields alike: a server would ignore them, so the caller's intent would be lost.
    const rule = Object.hasOwn(writableFields, field) ? writableFields[field] : undefined;
    if (!rule) {
      throw invalid(
        `${field} is not a writable program field`,
        field,
        `writable: ${Object.keys(writableFields).join(', ')}`,
      );
    }
    if (!rule[0](value)) throw invalid(`${field} must be ${rule[1]}`, field);
    out[field] = value;
  }
  if ((out.thumbnailData === undefined) !== (out.thumbnailMimeType === undefined)) {
    throw invalid('thumbnailData and thumbnailMimeType go together', 'thumbnailMimeType', 'give both or neither');
  }
  if (Object.keys(out).length === 0) throw invalid('update needs at least one changed field');
  return out;
}

/** Changes the given writable fields of a program (only those are sent); answers the updated program. */
export async function updateProgram(
  context: RecordingContext,
  id: string,
  changes: ProgramChanges,
  options?: RequestOptions,
): Promise<Program> {
  const body = checkProgramChanges(changes);
  return sendProgram(context, 'PUT', programPath(context, id), 'asr.program.v2', body, options, [changes.password]);
}

/** Deletes a program: to the recycle bin unless `permanent`. */
export async function removeProgram(
  context: RecordingContext,
  id: string,
  params?: { permanent?: boolean; deleteResources?: boolean } & RequestOptions,
  options?: RequestOptions,
): Promise<void> {
  return send<void>(context, {
    method: 'DELETE',
    path: programPath(context, id),
    query: pick(params, ['deleteResources', 'permanent']),
    accept: detailsType,
    signal: signalOf(params, options),
    answer: 'none',
  });
}

/** Restores a program from the recycle bin. */
export async function restoreProgram(
  context: RecordingContext,
  id: string,
  options?: RequestOptions,
): Promise<Program> {
  return sendProgram(context, 'PUT', programPath(context, id), 'asr.program.v2', { deleted: false }, options);
}
