import * as z from 'zod/mini';
import type {
  AccessReport,
  Category,
  ChatSession,
  PagedList,
  Program,
  ProgramAddress,
  ProgramStatus,
  SystemSettings,
  Template,
  Tenant,
  ViewerReport,
} from './types';

/*
 * Answer schemas. Every field is optional and unknown fields are kept (loose objects): a real server
 * may add or omit fields. Only the JSON type of a known field is checked. Enumerations (accessMode,
 * state, ...) are checked as text so a newer server's values do not break old clients. Dates stay text.
 */

const str = z.optional(z.string());
const num = z.optional(z.number());
const bool = z.optional(z.boolean());
const strList = z.optional(z.array(z.string()));
const strOrNum = z.optional(z.union([z.string(), z.number()]));
/** Ids: text on the wire as far as public material shows, but a numeric id is taken and kept as its text. */
const idText = z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(String)));

export const programSchema = z.looseObject({
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

/** `items` is required; a missing `totalItemCount` is taken as the number of items received. */
export const pagedListSchema = z.looseObject({
  items: z.array(programSchema),
  totalItemCount: z.optional(z.number()),
});

export const categorySchema = z.looseObject({ self: str, id: idText, name: str, programsUrl: str, tenants: strList });

export const templateSchema = z.looseObject({
  self: str,
  id: idText,
  name: str,
  description: str,
  callBitrate: num,
  callWidth: num,
  callHeight: num,
  tenants: strList,
});

export const programAddressSchema = z.looseObject({
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

export const programStatusSchema = z.looseObject({
  programId: idText,
  state: str,
  stateDetails: str,
  programCreationStage: str,
  programCreationMessage: str,
  recordingState: str,
});

export const chatMessageSchema = z.looseObject({
  sessionId: idText,
  message: str,
  senderDisplayName: str,
  senderId: idText,
  timestamp: num,
  authenticated: bool,
  type: str,
});

export const chatSessionSchema = z.looseObject({
  sessionId: idText,
  initiatorName: str,
  lastMessageTime: num,
  initiatorAuthenticated: bool,
  unansweredCount: num,
  messages: z.optional(z.array(chatMessageSchema)),
});

export const systemSettingsSchema = z.looseObject({
  multiTenant: bool,
  allowGuestAccess: bool,
  systemTime: strOrNum,
  systemTimeISO8601: str,
  recordingRetentionPolicy: str,
  daysToRetainDeletedRecordings: num,
  encryptionSupport: bool,
  uptime: strOrNum,
});

export const tenantSchema = z.looseObject({
  id: idText,
  name: str,
  enabled: bool,
  allowGuestAccess: bool,
  recordingRetentionPolicy: str,
  daysToRetainDeletedRecordings: num,
});

const nullableStr = z.optional(z.nullable(z.string()));

export const accessReportSchema = z.looseObject({
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

export const viewerReportSchema = z.looseObject({
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

/** The token-exchange answer of the authorization server. */
export const exchangeSchema = z.looseObject({
  token: z.string().check(z.minLength(1)),
  snapshotTimestamp: z.union([z.string(), z.number()]),
});

/** A schema and the entity type it yields. */
export interface AnswerSchema<T> {
  schema: z.ZodMiniType;
  /** Turns the validated value into the entity (default: unchanged). */
  finish?: (value: unknown) => T;
}

function entity<T>(schema: z.ZodMiniType): AnswerSchema<T> {
  return { schema };
}

/** Lists arrive as a bare array; an `{ items: [...] }` wrapper is accepted too. */
function list<T>(item: z.ZodMiniType): AnswerSchema<T[]> {
  return {
    schema: z.union([z.array(item), z.looseObject({ items: z.array(item) })]),
    finish: (value) => (Array.isArray(value) ? value : (value as { items: unknown[] }).items) as T[],
  };
}

export const answers = {
  pagedList: {
    schema: pagedListSchema,
    finish: (value: unknown) => {
      const page = value as { items: Program[]; totalItemCount?: number };
      return { ...page, totalItemCount: page.totalItemCount ?? page.items.length } as PagedList;
    },
  } satisfies AnswerSchema<PagedList>,
  program: entity<Program>(programSchema),
  programAddress: entity<ProgramAddress>(programAddressSchema),
  programStatus: entity<ProgramStatus>(programStatusSchema),
  category: entity<Category>(categorySchema),
  categories: list<Category>(categorySchema),
  template: entity<Template>(templateSchema),
  templates: list<Template>(templateSchema),
  chatSession: entity<ChatSession>(chatSessionSchema),
  chatSessions: list<ChatSession>(chatSessionSchema),
  systemSettings: entity<SystemSettings>(systemSettingsSchema),
  tenant: entity<Tenant>(tenantSchema),
  accessReports: list<AccessReport>(accessReportSchema),
  viewerReports: list<ViewerReport>(viewerReportSchema),
};

/** One validation problem: where, and what was expected. Never the offending value (it may be a secret). */
export interface AnswerIssue {
  path: string;
  message: string;
}

/**
 * Validates a parsed JSON answer. Java servers often send `null` for absent fields: such nulls are
 * dropped first (except `username`, where null means a guest).
 */
export function validateAnswer<T>(
  answer: AnswerSchema<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; issues: AnswerIssue[] } {
  const cleaned = dropNulls(body);
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

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null && key !== 'username') continue;
    out[key] = dropNulls(entry);
  }
  return out;
}
