import * as z from 'zod/mini';
import type { PagedList, Program } from './types';

/*
 * Answer schemas. Every field is optional and unknown fields are kept (loose objects): a real server
 * may add or omit fields. Only the JSON type of a known field is checked. Enumerations (accessMode,
 * state, ...) are checked as text so a newer server's values do not break old clients. Dates stay text.
 */

/*
 * Every schema is built by a function, once, when the first answer of its kind is read: nothing runs at
 * module load, and a bundler drops the builders of operations an app never calls.
 */

/** Remembers what `build` returns on its first call. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const fields = /* @__PURE__ */ once(() => ({
  str: z.optional(z.string()),
  num: z.optional(z.number()),
  bool: z.optional(z.boolean()),
  strList: z.optional(z.array(z.string())),
  strOrNum: z.optional(z.union([z.string(), z.number()])),
  /** Ids: text on the wire as far as public material shows, but a numeric id is taken and kept as its text. */
  idText: z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
  nullableStr: z.optional(z.nullable(z.string())),
}));

/** Program. */
export const programSchema = /* @__PURE__ */ once(() => {
  const { str, num, bool, strList, idText } = fields();
  return z.looseObject({
    self: str,
    id: idText,
    name: str,
    description: str,
    tenantId: idText,
    owner: str,
    ownerDisplayName: str,
    participantUsers: strList,
    category: str,
    categoryId: idText,
    templateId: idText,
    accessMode: str,
    accessUsers: strList,
    public: bool,
    passwordProtected: bool,
    authorizeUrl: str,
    accessDenied: bool,
    live: bool,
    started: bool,
    startDate: str,
    creationDate: str,
    expirationDate: str,
    deleted: bool,
    deletedDate: str,
    duration: num,
    size: num,
    width: num,
    height: num,
    bitrate: num,
    mediaType: num,
    md5Hash: str,
    allowMediaDownload: bool,
    available: bool,
    canEdit: bool,
    viewCount: num,
    currentViewerCount: num,
    thumbnail: str,
    statusUrl: str,
    reportUrl: str,
    chatEnabled: bool,
    moderatorPinProtected: bool,
    dnAddress: str,
    conferenceAddress: str,
    programStatus: str,
  });
});

/** Category. */
export const categorySchema = /* @__PURE__ */ once(() => {
  const { str, strList, idText } = fields();
  return z.looseObject({ self: str, id: idText, name: str, programsUrl: str, tenants: strList });
});

/** Template. */
export const templateSchema = /* @__PURE__ */ once(() => {
  const { str, num, strList, idText } = fields();
  return z.looseObject({
    self: str,
    id: idText,
    name: str,
    description: str,
    callBitrate: num,
    callWidth: num,
    callHeight: num,
    tenants: strList,
  });
});

/** ProgramAddress. */
export const programAddressSchema = /* @__PURE__ */ once(() => {
  const { str, bool, strList } = fields();
  return z.looseObject({
    available: bool,
    downloadUrl: str,
    reportUrl: str,
    playerPreference: strList,
    streams: z.optional(
      z.looseObject({
        primaryMediaUrl: str,
        primaryMediaHlsUrl: str,
        primaryMediaMp4Url: str,
        primaryMediaRtmpUrl: str,
        primaryMediaHdsUrl: str,
        secondaryMediaUrl: str,
      }),
    ),
  });
});

/** ProgramStatus. */
export const programStatusSchema = /* @__PURE__ */ once(() => {
  const { str, idText } = fields();
  return z.looseObject({
    programId: idText,
    state: str,
    stateDetails: str,
    programCreationStage: str,
    programCreationMessage: str,
    recordingState: str,
  });
});

/** ChatSession, with its messages. */
export const chatSessionSchema = /* @__PURE__ */ once(() => {
  const { str, num, bool, idText } = fields();
  const message = z.looseObject({
    sessionId: idText,
    message: str,
    senderDisplayName: str,
    senderId: idText,
    timestamp: num,
    authenticated: bool,
    type: str,
  });
  return z.looseObject({
    sessionId: idText,
    initiatorName: str,
    lastMessageTime: num,
    initiatorAuthenticated: bool,
    unansweredCount: num,
    messages: z.optional(z.array(message)),
  });
});

/** SystemSettings. */
export const systemSettingsSchema = /* @__PURE__ */ once(() => {
  const { str, num, bool, strOrNum } = fields();
  return z.looseObject({
    multiTenant: bool,
    allowGuestAccess: bool,
    systemTime: strOrNum,
    systemTimeISO8601: str,
    recordingRetentionPolicy: str,
    daysToRetainDeletedRecordings: num,
    encryptionSupport: bool,
    uptime: strOrNum,
  });
});

/** Tenant. */
export const tenantSchema = /* @__PURE__ */ once(() => {
  const { str, num, bool, idText } = fields();
  return z.looseObject({
    id: idText,
    name: str,
    enabled: bool,
    allowGuestAccess: bool,
    recordingRetentionPolicy: str,
    daysToRetainDeletedRecordings: num,
  });
});

/** AccessReport. */
export const accessReportSchema = /* @__PURE__ */ once(() => {
  const { str, num, bool, idText, nullableStr } = fields();
  return z.looseObject({
    programId: idText,
    programName: str,
    ownerName: str,
    categoryName: str,
    programType: str,
    username: nullableStr,
    guest: bool,
    clientIpAddr: str,
    userAgent: str,
    startDate: str,
    duration: num,
    dnName: str,
    dnAddress: str,
    location: str,
  });
});

/** ViewerReport. */
export const viewerReportSchema = /* @__PURE__ */ once(() => {
  const { str, num, bool, idText, nullableStr } = fields();
  return z.looseObject({
    programId: idText,
    programName: str,
    ownerName: str,
    categoryName: str,
    programType: str,
    registeredUserViews: num,
    guestUserViews: num,
    totalViews: num,
    views: z.optional(z.array(z.looseObject({ username: nullableStr, guest: bool, clientIpAddr: str, location: str }))),
  });
});

/** The token-exchange answer of the authorization server. */
export const exchangeSchema = /* @__PURE__ */ once(() =>
  z.looseObject({
    token: z.string().check(z.minLength(1)),
    snapshotTimestamp: z.union([z.string(), z.number()]),
  }),
);

/** A schema and the entity type it yields. */
export interface AnswerSchema<T> {
  schema: z.ZodMiniType;
  /** Turns the validated value into the entity (default: unchanged). */
  finish?: (value: unknown) => T;
}

/** An answer that is one entity. */
export function entity<T>(schema: () => z.ZodMiniType): () => AnswerSchema<T> {
  return once(() => ({ schema: schema() }));
}

/** Lists arrive as a bare array; an `{ items: [...] }` wrapper is accepted too. */
export function listOf<T>(item: () => z.ZodMiniType): () => AnswerSchema<T[]> {
  return once(() => {
    const one = item();
    return {
      schema: z.union([z.array(one), z.looseObject({ items: z.array(one) })]),
      finish: (value: unknown) => (Array.isArray(value) ? value : (value as { items: unknown[] }).items) as T[],
    };
  });
}

/** A page of programs: `items` is required; a missing `totalItemCount` is taken as the number of items. */
export const pagedListAnswer = /* @__PURE__ */ once((): AnswerSchema<PagedList> => ({
  schema: z.looseObject({ items: z.array(programSchema()), totalItemCount: z.optional(z.number()) }),
  finish: (value: unknown) => {
    const page = value as { items: Program[]; totalItemCount?: number };
    return { ...page, totalItemCount: page.totalItemCount ?? page.items.length } as PagedList;
  },
}));

/** One validation problem: where, and what was expected. Never the offending value (it may be a secret). */
export interface AnswerIssue {
  path: string;
  message: string;
}

/** How deep an answer may nest: real ones nest 4 levels; a deeper one is refused, never a stack overflow. */
export const MAX_ANSWER_DEPTH = 64;

/**
 * Validates a parsed JSON answer. Java servers often send `null` for absent fields: such nulls are
 * dropped first (except `username`, where null means a guest).
 */
export function validateAnswer<T>(
  answer: AnswerSchema<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; issues: AnswerIssue[] } {
  const cleaned = dropNulls(body, 0);
  if (cleaned === tooDeep) {
    return { ok: false, issues: [{ path: '(root)', message: `nested deeper than ${MAX_ANSWER_DEPTH} levels` }] };
  }
  const result = answer.schema.safeParse(cleaned);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.slice(0, 10).map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      })),
    };
  }
  return { ok: true, value: answer.finish ? answer.finish(result.data) : (result.data as T) };
}

const tooDeep = Symbol('too deep');

/**
 * A copy without nulls, bounded to {@link MAX_ANSWER_DEPTH} levels (`tooDeep` beyond), and without any
 * `__proto__` key: JSON.parse makes it an own property, but assigning it to a record would replace the
 * record's prototype.
 */
function dropNulls(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_ANSWER_DEPTH) return tooDeep;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const entry of value) {
      const cleaned = dropNulls(entry, depth + 1);
      if (cleaned === tooDeep) return tooDeep;
      out.push(cleaned);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if ((entry === null && key !== 'username') || key === '__proto__') continue;
    const cleaned = dropNulls(entry, depth + 1);
    if (cleaned === tooDeep) return tooDeep;
    out[key] = cleaned;
  }
  return out;
}
