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

/**
 * A loose object from a compact spec, one field per word: `name` text, `name#` number, `name?` boolean,
 * `name*` list of text, `name@` id (text, a number taken as its text), `name~` text or null, `name|` text or
 * number. `more` adds fields of other shapes. Written so because the program schema ships with every app.
 */
function shape(spec: string, more?: Record<string, z.ZodMiniType>): z.ZodMiniType {
  const text = z.string();
  const textOrNumber = z.union([text, z.number()]);
  const kinds: Record<string, z.ZodMiniType> = {
    '#': z.number(),
    '?': z.boolean(),
    '*': z.array(text),
    '@': z.pipe(textOrNumber, z.transform(String)),
    '~': z.nullable(text),
    '|': textOrNumber,
  };
  const out: Record<string, z.ZodMiniType> = {};
  for (const word of spec.split(' ')) {
    const kind = kinds[word.slice(-1)];
    out[kind ? word.slice(0, -1) : word] = z.optional(kind ?? text);
  }
  return z.looseObject({ ...out, ...more });
}

/** Program. */
export const programSchema = /* @__PURE__ */ once(() =>
  shape(
    'self id@ name description tenantId@ owner ownerDisplayName participantUsers* category categoryId@ templateId@ accessMode accessUsers* public? passwordProtected? authorizeUrl accessDenied? live? started? startDate creationDate expirationDate deleted? deletedDate duration# size# width# height# bitrate# mediaType# md5Hash allowMediaDownload? available? canEdit? viewCount# currentViewerCount# thumbnail statusUrl reportUrl chatEnabled? moderatorPinProtected? dnAddress conferenceAddress programStatus',
  ),
);

/** Category. */
export const categorySchema = /* @__PURE__ */ once(() => shape('self id@ name programsUrl tenants*'));

/** Template. */
export const templateSchema = /* @__PURE__ */ once(() =>
  shape('self id@ name description callBitrate# callWidth# callHeight# tenants*'),
);

/** ProgramAddress. */
export const programAddressSchema = /* @__PURE__ */ once(() =>
  shape('available? downloadUrl reportUrl playerPreference*', {
    streams: z.optional(
      shape(
        'primaryMediaUrl primaryMediaHlsUrl primaryMediaMp4Url primaryMediaRtmpUrl primaryMediaHdsUrl secondaryMediaUrl',
      ),
    ),
  }),
);

/** ProgramStatus. */
export const programStatusSchema = /* @__PURE__ */ once(() =>
  shape('programId@ state stateDetails programCreationStage programCreationMessage recordingState'),
);

/** ChatSession, with its messages. */
export const chatSessionSchema = /* @__PURE__ */ once(() =>
  shape('sessionId@ initiatorName lastMessageTime# initiatorAuthenticated? unansweredCount#', {
    messages: z.optional(
      z.array(shape('sessionId@ message senderDisplayName senderId@ timestamp# authenticated? type')),
    ),
  }),
);

/** SystemSettings. */
export const systemSettingsSchema = /* @__PURE__ */ once(() =>
  shape(
    'multiTenant? allowGuestAccess? systemTime| systemTimeISO8601 recordingRetentionPolicy daysToRetainDeletedRecordings# encryptionSupport? uptime|',
  ),
);

/** Tenant. */
export const tenantSchema = /* @__PURE__ */ once(() =>
  shape('id@ name enabled? allowGuestAccess? recordingRetentionPolicy daysToRetainDeletedRecordings#'),
);

const reportSpec = 'programId@ programName ownerName categoryName programType';

/** AccessReport. */
export const accessReportSchema = /* @__PURE__ */ once(() =>
  shape(`${reportSpec} username~ guest? clientIpAddr userAgent startDate duration# dnName dnAddress location`),
);

/** ViewerReport. */
export const viewerReportSchema = /* @__PURE__ */ once(() =>
  shape(`${reportSpec} registeredUserViews# guestUserViews# totalViews#`, {
    views: z.optional(z.array(shape('username~ guest? clientIpAddr location'))),
  }),
);

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
  let cleaned: unknown;
  try {
    cleaned = dropNulls(body, 0);
  } catch {
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

/**
 * A copy without nulls in records (kept in arrays), bounded to {@link MAX_ANSWER_DEPTH} levels (throws
 * beyond, before any stack overflow), and without any `__proto__` key: JSON.parse makes it an own property,
 * but assigning it to a record would replace the record's prototype.
 */
function dropNulls(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_ANSWER_DEPTH) throw new RangeError('too deep');
  const list = Array.isArray(value);
  const out = (list ? [] : {}) as Record<string, unknown>;
  for (const [key, entry] of Object.entries(value)) {
    if (list || ((entry !== null || key === 'username') && key !== '__proto__')) out[key] = dropNulls(entry, depth + 1);
  }
  return out;
}
