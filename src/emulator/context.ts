import type { ResourcePaths } from '../core/config';
import { formatServerDate, parseServerDate } from '../core/dates';
import type { Program, ProgramAddress, ProgramState } from '../core/types';
import { HttpError } from './http';
import type { EmulatorProgram, EmulatorState, EmulatorTenant, EmulatorUser } from './types';

/** The resource paths the emulator answers (WIRE.md defaults, overridable): the same names as the client's. */
export type EmulatorResources = ResourcePaths;

/**
 * The WIRE.md default resource paths. Written here again rather than imported from the client's config on
 * purpose: the emulator is the client's independent counterpart, so a wrong default in the client fails
 * the contract tests instead of being mirrored.
 */
export const DEFAULT_RESOURCES: EmulatorResources = Object.freeze({
  programsUrl: '/api/manager/programs',
  categoriesUrl: '/api/manager/categories',
  templatesUrl: '/api/manager/templates',
  reportsUrl: '/api/manager/reports',
  systemSettingsUrl: '/api/manager/system/settings',
  tenantsUrl: '/api/manager/tenants',
});

/** Who is calling: a signed-in user or a guest, in a tenant. */
export interface Caller {
  tenantId: string;
  user?: EmulatorUser;
}

/** Everything a route needs. */
export interface RouteContext {
  state: EmulatorState;
  request: Request;
  url: URL;
  /** Origin for absolute URLs in answers. */
  origin: string;
  resources: EmulatorResources;
  now: number;
  tokenTtlMs: number;
  /** A fresh id `<prefix>-0001`, ..., skipping those `taken` says exist (custom seeds may use the same form). */
  nextId(prefix: string, taken?: (id: string) => boolean): string;
}

export const DAY_MS = 86_400_000;

/** Epoch ms of a stored date (zone-less text is the server's wall clock); NaN when there is none. */
export function timeOf(state: EmulatorState, text: string | null | undefined): number {
  return parseServerDate(text, state.system.utcOffsetMinutes)?.getTime() ?? Number.NaN;
}

/** A date as answers carry it: `YYYY-MM-DDTHH:MM:SS` on the server's wall clock; unreadable text as it is. */
export function wireDate<T extends string | null | undefined>(state: EmulatorState, text: T): T | string {
  const ms = timeOf(state, text);
  return Number.isNaN(ms) ? text : formatServerDate(ms, state.system.utcOffsetMinutes);
}

/** Program and report dates, written by answers on the server's wall clock. */
const PROGRAM_DATES = ['startDate', 'creationDate', 'expirationDate', 'deletedDate'] as const;

/** The tenant's policies (the system ones in single-tenant mode). */
export function policiesOf(
  state: EmulatorState,
  tenantId: string,
): Pick<EmulatorTenant, 'allowGuestAccess' | 'recordingRetentionPolicy' | 'daysToRetainDeletedRecordings'> {
  if (!state.multiTenant) return state.system;
  const tenant = state.tenants.get(tenantId);
  if (!tenant) throw new HttpError(404, 'Unknown tenant');
  return tenant;
}

/**
 * Reads the credentials from the query. A present but bad token is 401 even where a guest would do;
 * `guestOk` false makes a guest 401 too. `tenantOptional` accepts a call without `tenantId` (the
 * legacy client's per-program access report) and falls back to the user's tenant.
 */
export function resolveCaller(ctx: RouteContext, opts: { tenantOptional?: boolean } = {}): Caller {
  const q = ctx.url.searchParams;
  const token = q.get('token');
  const login = q.get('user');
  let user: EmulatorUser | undefined;
  if (token !== null) {
    const issued = ctx.state.tokens.get(token);
    if (!issued) throw new HttpError(401, 'The token is not valid');
    if (ctx.now - issued.issuedAt >= ctx.tokenTtlMs) throw new HttpError(401, 'The token has expired');
    if (login !== issued.login) throw new HttpError(401, 'The token does not belong to this user');
    const timestamp = q.get('timestamp');
    if (timestamp !== null && timestamp !== issued.snapshotTimestamp) {
      throw new HttpError(401, 'The token timestamp does not match');
    }
    user = ctx.state.users.get(issued.login);
    if (!user) throw new HttpError(401, 'The user no longer exists');
  } else if (login !== null) {
    throw new HttpError(401, 'A token is required with user');
  }
  let tenantId = q.get('tenantId');
  if (tenantId === null) {
    if (!opts.tenantOptional) throw new HttpError(400, 'The tenantId parameter is required');
    tenantId = user?.tenantId ?? 'default';
  }
  const tenant = ctx.state.tenants.get(tenantId);
  if (!tenant) throw new HttpError(404, 'Unknown tenant');
  if (!tenant.enabled) throw new HttpError(403, 'The tenant is disabled');
  if (user && user.tenantId !== tenantId && user.role !== 'admin') {
    throw new HttpError(403, 'The user does not belong to this tenant');
  }
  return user ? { tenantId, user } : { tenantId };
}

/** Like {@link resolveCaller}, but a guest must be allowed by the guest-access policy. */
export function requireViewer(ctx: RouteContext, opts: { tenantOptional?: boolean } = {}): Caller {
  const caller = resolveCaller(ctx, opts);
  if (!caller.user && !policiesOf(ctx.state, caller.tenantId).allowGuestAccess) {
    throw new HttpError(401, 'Guest access is disabled: sign in');
  }
  return caller;
}

function isAdminOf(user: EmulatorUser, tenantId: string): boolean {
  return user.role === 'admin' || (user.role === 'tenantAdmin' && user.tenantId === tenantId);
}

/** Owner, tenant admin or admin. */
export function canEdit(caller: Caller, program: EmulatorProgram): boolean {
  const user = caller.user;
  return !!user && (program.owner === user.login || isAdminOf(user, program.tenantId));
}

/** The access-mode rules; deleted programs only for those who may edit them. */
export function canView(caller: Caller, program: EmulatorProgram): boolean {
  if (program.tenantId !== caller.tenantId) return false;
  if (canEdit(caller, program)) return true;
  if (program.deleted) return false;
  const user = caller.user;
  if (!user) return program.accessMode === 'PUBLIC';
  switch (program.accessMode) {
    case 'PRIVATE':
      return false;
    case 'USER_LIST':
      return (program.accessUsers ?? []).includes(user.login) || (program.participantUsers ?? []).includes(user.login);
    default:
      return true;
  }
}

/**
 * Finds a program the caller may see: 404 when unknown (or deleted and not the caller's to see),
 * 401 for a guest and 403 for a user who may not see it.
 */
export function findViewable(ctx: RouteContext, caller: Caller, id: string): EmulatorProgram {
  const program = ctx.state.programs.get(id);
  if (!program || program.tenantId !== caller.tenantId) throw new HttpError(404, 'No such program');
  if (canView(caller, program)) return program;
  if (program.deleted) throw new HttpError(404, 'No such program');
  if (!caller.user) throw new HttpError(401, 'Sign in to see this program');
  throw new HttpError(403, 'You may not see this program');
}

/** Whether the caller still has to give the PIN (editors never do). */
export function isLocked(caller: Caller, program: EmulatorProgram): boolean {
  return !!program.password && !canEdit(caller, program);
}

const enc = encodeURIComponent;

/**
 * Where a live broadcast stands at `now`: SCHEDULED before its start, STARTED until its duration is
 * over, then COMPLETE. Broadcasts given a `statusSequence` follow that instead.
 */
export function liveStateOf(state: EmulatorState, program: EmulatorProgram, now: number): ProgramState | undefined {
  if (!program.live || program.statusSequence?.length) return undefined;
  const start = timeOf(state, program.startDate);
  if (Number.isNaN(start)) return undefined;
  if (now < start) return 'SCHEDULED';
  return now < start + (program.duration ?? 0) * 1000 ? 'STARTED' : 'COMPLETE';
}

/** The wire form of a program for this caller. A locked program goes out without its media fields. */
export function toWire(ctx: RouteContext, caller: Caller, program: EmulatorProgram, unlocked = false): Program {
  const { password, moderatorPin: _pin, statusSequence: _seq, thumbnailUpload: _thumb, ...wire } = program;
  const base = `${ctx.origin}${ctx.resources.programsUrl}/${enc(program.id)}`;
  const category = ctx.state.categories.get(program.categoryId ?? '');
  const out: Program = {
    ...wire,
    self: base,
    category: category?.name ?? '',
    ownerDisplayName: ctx.state.users.get(program.owner)?.displayName ?? program.owner,
    passwordProtected: !!password,
    canEdit: canEdit(caller, program),
    accessDenied: false,
    thumbnail: `/thumbnails/${enc(program.id)}.jpg`,
    statusUrl: `${base}/status`,
    reportUrl: `${base}/report?dnId=dn-1`,
  };
  for (const key of PROGRAM_DATES) if (typeof out[key] === 'string') out[key] = wireDate(ctx.state, out[key]);
  const live = liveStateOf(ctx.state, program, ctx.now);
  if (live) Object.assign(out, { programStatus: live, started: live !== 'SCHEDULED' });
  if (password) out.authorizeUrl = `${base}/authorize/`;
  // Locked: the media facts stay hidden until the PIN is given; the links (thumbnail, status, report)
  // every program carries stay, since lists show the thumbnail with a lock.
  if (password && !unlocked && isLocked(caller, program)) {
    for (const key of ['md5Hash', 'dnAddress', 'size', 'width', 'height', 'bitrate'] as const) {
      delete out[key];
    }
  }
  return out;
}

/** Where the program plays: MP4 and HLS served by the emulator itself. */
export function addressOf(ctx: RouteContext, program: EmulatorProgram): ProgramAddress {
  const media = `${ctx.origin}/media/${enc(program.id)}`;
  const hls = `${media}/index.m3u8`;
  const mp4 = `${media}.mp4`;
  const live = !!program.live;
  const startMs = timeOf(ctx.state, program.startDate);
  const notStarted = live && !(startMs <= ctx.now);
  const address: ProgramAddress = {
    available: program.available !== false && !notStarted,
    reportUrl: `${ctx.origin}${ctx.resources.programsUrl}/${enc(program.id)}/report?dnId=dn-1`,
    playerPreference: live ? ['HLS'] : ['MP4', 'HLS'],
    streams: live
      ? { primaryMediaUrl: hls, primaryMediaHlsUrl: hls, secondaryMediaUrl: hls }
      : { primaryMediaUrl: mp4, primaryMediaHlsUrl: hls, primaryMediaMp4Url: mp4, secondaryMediaUrl: hls },
  };
  if (program.allowMediaDownload && !live) address.downloadUrl = `${mp4}?download=1`;
  return address;
}

/** Drops deleted programs the retention policy no longer keeps. */
export function purgeRecycleBin(state: EmulatorState, now: number): void {
  for (const program of state.programs.values()) {
    if (!program.deleted) continue;
    const policy = policiesOf(state, program.tenantId);
    const deletedAt = timeOf(state, program.deletedDate) || now;
    const expired =
      policy.recordingRetentionPolicy === 'DO_NOT_RETAIN' ||
      (policy.recordingRetentionPolicy === 'N_DAYS' &&
        deletedAt + policy.daysToRetainDeletedRecordings * DAY_MS <= now);
    if (expired) removeProgram(state, program.id);
  }
}

/** Deletes a program for good, with its Q&A. */
export function removeProgram(state: EmulatorState, id: string): void {
  state.programs.delete(id);
  for (const [sessionId, session] of state.chatSessions)
    if (session.programId === id) state.chatSessions.delete(sessionId);
}
