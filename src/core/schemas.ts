import type { PagedList, Program } from './types';

/*
 * Answer checks. Every field is optional and unknown fields are kept (loose objects): a real server may add
 * or omit fields. Only the JSON type of a known field is checked. Enumerations (accessMode, state, ...) are
 * checked as text so a newer server's values do not break old clients. Dates stay text.
 *
 * Written here rather than with a schema library: the checks are JSON types only, and this is a few hundred
 * bytes where a library would add several kilobytes and its start-up to every app's first list.
 */

/** One validation problem: where, and what was expected. Never the offending value (it may be a secret). */
export interface AnswerIssue {
  path: string;
  message: string;
}

/** At most this many issues are kept per answer. */
const MAX_ISSUES = 10;

/**
 * Checks `value` found at `path` (`''` for the root): returns it as the caller gets it (ids as text), or
 * records an issue in `issues`.
 */
export type Check = (value: unknown, path: string, issues: AnswerIssue[]) => unknown;

/** Remembers what `build` returns on its first call. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const typeOf = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

const fail = (issues: AnswerIssue[], path: string, expected: string, value: unknown): undefined => {
  if (issues.length < MAX_ISSUES) {
    issues.push({ path: path || '(root)', message: `expected ${expected}, received ${typeOf(value)}` });
  }
  return undefined;
};

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));

/**
 * A value of one of the JSON `types` (`typeof` names, `null` included), optionally turned into text. A text
 * search is enough: no type name is part of another.
 */
const scalar =
  (types: string, asText?: boolean): Check =>
  (value, path, issues) =>
    types.includes(typeOf(value)) ? (asText ? String(value) : value) : fail(issues, path, types, value);

/** A list whose every entry passes `item`. */
const arrayOf =
  (item: Check): Check =>
  (value, path, issues) =>
    Array.isArray(value)
      ? value.map((entry, index) => item(entry, join(path, index), issues))
      : fail(issues, path, 'array', value);

/** An object: each field of `fields` that is present passes its check (absent ones may be `required`). */
function object(fields: Record<string, Check>, required: string[] = []): Check {
  return (value, path, issues) => {
    if (typeOf(value) !== 'object') return fail(issues, path, 'object', value);
    const out = { ...(value as Record<string, unknown>) };
    for (const key in fields) {
      if (out[key] !== undefined || required.includes(key)) out[key] = fields[key]!(out[key], join(path, key), issues);
    }
    return out;
  };
}

const text = scalar('string');
const kinds: Record<string, Check> = {
  '#': scalar('number'),
  '?': scalar('boolean'),
  '*': arrayOf(text),
  '@': scalar('string number', true),
  '~': scalar('string null'),
  '|': scalar('string number'),
};

/**
 * A loose object from a compact spec of field names, text fields first; a kind sign applies to the names after
 * it: `#` number, `?` boolean, `*` list of text, `@` id (text, a number taken as its text), `~` text or null,
 * `|` text or number. `more` adds fields of other shapes.
 */
function shape(spec: string, more?: Record<string, Check>): Check {
  const fields: Record<string, Check> = {};
  let kind = text;
  for (const word of spec.split(' ')) {
    if (kinds[word]) kind = kinds[word];
    else fields[word] = kind;
  }
  return object({ ...fields, ...more });
}

/*
 * Every check is built by a function, once, when the first answer of its kind is read: nothing runs at
 * module load, and a bundler drops the builders of operations an app never calls.
 */

export const programSchema = /* @__PURE__ */ once(() =>
  shape(
    'self name description owner ownerDisplayName category accessMode authorizeUrl startDate creationDate expirationDate deletedDate md5Hash thumbnail statusUrl reportUrl dnAddress conferenceAddress programStatus @ id tenantId categoryId templateId * participantUsers accessUsers ? public passwordProtected accessDenied live started deleted allowMediaDownload available canEdit chatEnabled moderatorPinProtected # duration size width height bitrate mediaType viewCount currentViewerCount',
  ),
);

export const categorySchema = /* @__PURE__ */ once(() => shape('self name programsUrl @ id * tenants'));

export const templateSchema = /* @__PURE__ */ once(() =>
  shape('self name description @ id * tenants # callBitrate callWidth callHeight'),
);

export const programAddressSchema = /* @__PURE__ */ once(() =>
  shape('downloadUrl reportUrl * playerPreference ? available', {
    streams: shape(
      'primaryMediaUrl primaryMediaHlsUrl primaryMediaMp4Url primaryMediaRtmpUrl primaryMediaHdsUrl secondaryMediaUrl',
    ),
  }),
);

export const programStatusSchema = /* @__PURE__ */ once(() =>
  shape('state stateDetails programCreationStage programCreationMessage recordingState @ programId'),
);

export const chatSessionSchema = /* @__PURE__ */ once(() =>
  shape('initiatorName @ sessionId ? initiatorAuthenticated # lastMessageTime unansweredCount', {
    messages: arrayOf(shape('message senderDisplayName type @ sessionId senderId ? authenticated # timestamp')),
  }),
);

export const systemSettingsSchema = /* @__PURE__ */ once(() =>
  shape(
    'systemTimeISO8601 recordingRetentionPolicy ? multiTenant allowGuestAccess encryptionSupport # daysToRetainDeletedRecordings | systemTime uptime',
  ),
);

export const tenantSchema = /* @__PURE__ */ once(() =>
  shape('name recordingRetentionPolicy @ id ? enabled allowGuestAccess # daysToRetainDeletedRecordings'),
);

/** The fields both reports share; what follows it starts with a kind. */
const reportSpec = 'programName ownerName categoryName programType @ programId';

export const accessReportSchema = /* @__PURE__ */ once(() =>
  shape(`clientIpAddr userAgent startDate dnName dnAddress location ${reportSpec} ? guest # duration ~ username`),
);

export const viewerReportSchema = /* @__PURE__ */ once(() =>
  shape(`${reportSpec} # registeredUserViews guestUserViews totalViews`, {
    views: arrayOf(shape('clientIpAddr location ? guest ~ username')),
  }),
);

/** A check and the entity type it yields. */
export interface AnswerSchema<T> {
  schema: Check;
  /** Turns the checked value into the entity (default: unchanged). */
  finish?: (value: unknown) => T;
}

/** An answer that is one entity. */
export function entity<T>(schema: () => Check): () => AnswerSchema<T> {
  return once(() => ({ schema: schema() }));
}

/** Lists arrive as a bare array; an `{ items: [...] }` wrapper is accepted too. */
export function listOf<T>(item: () => Check): () => AnswerSchema<T[]> {
  return once(() => {
    const list = arrayOf(item());
    const wrapped = object({ items: list }, ['items']);
    return {
      schema: (value, path, issues) => (Array.isArray(value) ? list : wrapped)(value, path, issues),
      finish: (value: unknown) => (Array.isArray(value) ? value : (value as { items: unknown[] }).items) as T[],
    };
  });
}

/** The token exchange answer: a non-empty `token` and a `snapshotTimestamp` (text or number), both required. */
export const exchangeAnswer = /* @__PURE__ */ once(
  (): AnswerSchema<{ token: string; snapshotTimestamp: string | number }> => ({
    schema: object(
      {
        token: (value, path, issues) =>
          value === '' ? fail(issues, path, 'non-empty string', value) : text(value, path, issues),
        snapshotTimestamp: kinds['|']!,
      },
      ['token', 'snapshotTimestamp'],
    ),
  }),
);

/** A page of programs: `items` is required; a missing `totalItemCount` is taken as the number of items. */
export const pagedListAnswer = /* @__PURE__ */ once((): AnswerSchema<PagedList> => ({
  schema: object({ items: arrayOf(programSchema()), totalItemCount: kinds['#']! }, ['items']),
  finish: (value: unknown) => {
    const page = value as { items: Program[]; totalItemCount?: number };
    return { ...page, totalItemCount: page.totalItemCount ?? page.items.length } as PagedList;
  },
}));

/** How deep an answer may nest: real ones nest 4 levels; a deeper one is refused, never a stack overflow. */
export const MAX_ANSWER_DEPTH = 64;

/**
 * Validates a parsed JSON answer. Java servers often send `null` for absent fields: such nulls are
 * dropped first (except `username`, where null means a guest). At most ten issues are reported.
 */
export function validateAnswer<T>(
  answer: AnswerSchema<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; issues: AnswerIssue[] } {
  const issues: AnswerIssue[] = [];
  const cleaned = dropNulls(body, 0, issues);
  // A too deep answer is refused with that one issue, unchecked.
  const value = issues.length ? undefined : answer.schema(cleaned, '', issues);
  return issues.length
    ? { ok: false, issues }
    : { ok: true, value: answer.finish ? answer.finish(value) : (value as T) };
}

/**
 * A copy without nulls in records (kept in arrays), cut at {@link MAX_ANSWER_DEPTH} levels (recording the
 * one issue, before any stack overflow), and without any `__proto__` key: JSON.parse makes it an own
 * property, but assigning it to a record would replace the record's prototype.
 */
function dropNulls(value: unknown, depth: number, issues: AnswerIssue[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_ANSWER_DEPTH) {
    issues[0] = { path: '(root)', message: `nested deeper than ${MAX_ANSWER_DEPTH} levels` };
    return;
  }
  const list = Array.isArray(value);
  const out = (list ? [] : {}) as Record<string, unknown>;
  for (const [key, entry] of Object.entries(value)) {
    if (list || ((entry !== null || key === 'username') && key !== '__proto__')) {
      out[key] = dropNulls(entry, depth + 1, issues);
    }
  }
  return out;
}
