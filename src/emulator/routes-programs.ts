import type { AccessMode, PagedList, ProgramState } from '../core/types';
import {
  addressOf,
  canEdit,
  canView,
  DAY_MS,
  findViewable,
  isLocked,
  liveStateOf,
  policiesOf,
  removeProgram,
  requireViewer,
  timeOf,
  toWire,
  type Caller,
  type RouteContext,
} from './context';
import { HttpError, json, MEDIA_TYPES, noContent, readJsonBody } from './http';
import type { EmulatorProgram } from './types';

/**
 * The `orderBy`/`orderBy2` values the emulator accepts (field names ignore case). Write a field for
 * ascending order, and `-field`, `field:desc` or `field desc` for descending (`field:asc` and
 * `field asc` are ascending). Lists default to
 * `-creationDate` (newest first); live broadcasts to `startDate`.
 */
export const EMULATOR_ORDER_BY = Object.freeze([
  'name',
  'creationDate',
  'startDate',
  'duration',
  'viewCount',
  'owner',
  'category',
] as const);

type OrderField = (typeof EMULATOR_ORDER_BY)[number];

interface Order {
  field: OrderField;
  descending: boolean;
}

function parseOrder(value: string, param: string): Order {
  const match = /^(-?)([A-Za-z]+)(?:(?::|\s+)(asc|desc))?$/i.exec(value.trim());
  const field = EMULATOR_ORDER_BY.find((f) => f.toLowerCase() === match?.[2]?.toLowerCase());
  if (!match || !field || (match[1] && match[3])) {
    throw new HttpError(
      400,
      `${param} must be one of ${EMULATOR_ORDER_BY.join(', ')}, optionally as -field or field:desc`,
      {
        parameter: param,
      },
    );
  }
  return { field, descending: match[1] === '-' || match[3]?.toLowerCase() === 'desc' };
}

function sortKey(ctx: RouteContext, program: EmulatorProgram, field: OrderField): string | number {
  switch (field) {
    case 'name':
      return program.name.toLowerCase();
    case 'owner':
      return program.owner.toLowerCase();
    case 'category':
      return (ctx.state.categories.get(program.categoryId ?? '')?.name ?? '').toLowerCase();
    case 'creationDate':
    case 'startDate':
      return timeOf(ctx.state, program[field]) || 0;
    default:
      return program[field] ?? 0;
  }
}

/** A non-negative integer query parameter. */
export function intParam(ctx: RouteContext, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new HttpError(400, `${name} must be a whole number from 0 to ${max}`, { parameter: name });
  }
  return Number(raw);
}

/** A `true`/`false` query parameter. */
export function boolParam(ctx: RouteContext, name: string, fallback: boolean): boolean {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null) return fallback;
  if (raw !== 'true' && raw !== 'false') throw new HttpError(400, `${name} must be true or false`, { parameter: name });
  return raw === 'true';
}

interface ListSpec {
  /** Which programs the route covers before the common filters. */
  scope: (program: EmulatorProgram) => boolean;
  filters: boolean;
  allowDeleted: boolean;
  defaultOrder: Order;
}

function listPrograms(ctx: RouteContext, caller: Caller, spec: ListSpec): Response {
  const q = ctx.url.searchParams;
  const offset = intParam(ctx, 'offset', 0);
  const count = intParam(ctx, 'count', 20, 1000);
  const onlyDeleted = spec.allowDeleted ? boolParam(ctx, 'onlyDeleted', false) : false;
  let order = spec.defaultOrder;
  let order2: Order | undefined;
  let query: string | undefined;
  let category: string | null = null;
  let ownerId: string | null = null;
  if (spec.filters) {
    const orderBy = q.get('orderBy');
    const orderBy2 = q.get('orderBy2');
    if (orderBy2 !== null && orderBy === null)
      throw new HttpError(400, 'orderBy2 needs orderBy', { parameter: 'orderBy2' });
    if (orderBy !== null) order = parseOrder(orderBy, 'orderBy');
    if (orderBy2 !== null) order2 = parseOrder(orderBy2, 'orderBy2');
    query = q.get('query')?.trim().toLowerCase() || undefined;
    category = q.get('category');
    ownerId = q.get('ownerId');
  }
  const matches: EmulatorProgram[] = [];
  for (const program of ctx.state.programs.values()) {
    if (!spec.scope(program) || !canView(caller, program)) continue;
    if (onlyDeleted ? !program.deleted || !canEdit(caller, program) : program.deleted) continue;
    if (ownerId !== null && program.owner !== ownerId) continue;
    if (
      category !== null &&
      program.categoryId !== category &&
      ctx.state.categories.get(program.categoryId ?? '')?.name !== category
    ) {
      continue;
    }
    if (query && !`${program.name}\n${program.description ?? ''}`.toLowerCase().includes(query)) continue;
    matches.push(program);
  }
  const orders = order2 ? [order, order2] : [order];
  const keyed = matches.map((program) => ({ program, keys: orders.map((o) => sortKey(ctx, program, o.field)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < orders.length; i++) {
      const x = a.keys[i]!;
      const y = b.keys[i]!;
      if (x !== y) return (x < y ? -1 : 1) * (orders[i]!.descending ? -1 : 1);
    }
    return a.program.id < b.program.id ? -1 : a.program.id > b.program.id ? 1 : 0;
  });
  const body: PagedList = {
    items: keyed.slice(offset, offset + count).map(({ program }) => toWire(ctx, caller, program)),
    totalItemCount: keyed.length,
  };
  return json(body, MEDIA_TYPES.pagedList);
}

const RECORDINGS: ListSpec = {
  scope: (p) => !p.live,
  filters: true,
  allowDeleted: true,
  defaultOrder: { field: 'creationDate', descending: true },
};

/** GET P, P/category/{id}, P/publisher/{owner}/vod, P/live[/future|today|now]. */
export function routeProgramLists(ctx: RouteContext, segments: string[]): Response | undefined {
  const [first, second, third] = segments;
  if (segments.length === 0) return listPrograms(ctx, requireViewer(ctx), RECORDINGS);
  if (first === 'category' && segments.length === 2) {
    const caller = requireViewer(ctx);
    const category = ctx.state.categories.get(second!);
    if (!category || category.tenantId !== caller.tenantId) throw new HttpError(404, 'No such category');
    return listPrograms(ctx, caller, {
      ...RECORDINGS,
      filters: false,
      allowDeleted: false,
      scope: (p) => p.categoryId === second,
    });
  }
  if (first === 'publisher' && third === 'vod' && segments.length === 3) {
    return listPrograms(ctx, requireViewer(ctx), {
      ...RECORDINGS,
      filters: false,
      scope: (p) => !p.live && p.owner === second,
    });
  }
  if (first === 'live' && segments.length <= 2) {
    const when = second ?? 'all';
    if (!['all', 'future', 'today', 'now'].includes(when) || second === 'all') return undefined;
    const caller = requireViewer(ctx);
    const raw = ctx.url.searchParams.get('timezoneOffset');
    if (raw === null || !/^-?\d+$/.test(raw) || Math.abs(Number(raw)) > 840) {
      throw new HttpError(400, 'timezoneOffset (minutes, -840 to 840) is required', { parameter: 'timezoneOffset' });
    }
    const offsetMs = Number(raw) * 60_000;
    const dayStart = Math.floor((ctx.now - offsetMs) / DAY_MS) * DAY_MS + offsetMs;
    const scope = (p: EmulatorProgram): boolean => {
      if (!p.live) return false;
      const start = timeOf(ctx.state, p.startDate);
      const end = start + (p.duration ?? 0) * 1000;
      if (when === 'now') return start <= ctx.now && ctx.now < end;
      if (when === 'future') return start > ctx.now;
      if (when === 'today') return start >= dayStart && start < dayStart + DAY_MS && end > ctx.now;
      return true;
    };
    return listPrograms(ctx, caller, {
      scope,
      filters: true,
      allowDeleted: false,
      defaultOrder: { field: 'startDate', descending: false },
    });
  }
  return undefined;
}

/** Fields no client sends: a body carrying one is refused (the legacy client strips them from its Program). */
const NEVER_SENT = ['stream', 'record', 'distributeToCDN', 'conferenceAddress'];
const ACCESS_MODES: readonly AccessMode[] = ['PRIVATE', 'USER_LIST', 'ALL_USERS', 'PUBLIC'];
const THUMBNAIL_TYPES = ['image/jpeg', 'image/png', 'image/gif'];

function bad(field: string, message: string): never {
  throw new HttpError(400, message, { field });
}

function stringList(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    bad(field, `${field} must be a list of strings`);
  return value as string[];
}

/**
 * Applies the writable fields an update's body carries, as a server does: read-only and unknown fields
 * (the legacy client sends its whole Program: `self`, `live`, dates, ...) are ignored, and so is a `null`
 * (a Java server's "absent"). Refused: a writable field with a bad value, and the four never-sent fields.
 */
function applyUpdate(ctx: RouteContext, program: EmulatorProgram, body: Record<string, unknown>): void {
  for (const key of NEVER_SENT) if (key in body) bad(key, `${key} is never sent in an update`);
  const b = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
  const next: Partial<EmulatorProgram> = {};
  if ('name' in b) {
    if (typeof b.name !== 'string' || !b.name.trim()) bad('name', 'name must be a non-empty string');
    next.name = b.name;
  }
  if ('description' in b) {
    if (typeof b.description !== 'string') bad('description', 'description must be a string');
    next.description = b.description;
  }
  if ('categoryId' in b) {
    const category = typeof b.categoryId === 'string' ? ctx.state.categories.get(b.categoryId) : undefined;
    if (!category || category.tenantId !== program.tenantId) bad('categoryId', 'categoryId names no category');
    next.categoryId = category.id;
  }
  if ('accessMode' in b) {
    if (!ACCESS_MODES.includes(b.accessMode as AccessMode))
      bad('accessMode', `accessMode must be one of ${ACCESS_MODES.join(', ')}`);
    next.accessMode = b.accessMode as AccessMode;
    next.public = next.accessMode === 'PUBLIC';
  }
  if ('public' in b) {
    if (typeof b.public !== 'boolean') bad('public', 'public must be true or false');
    if (!('accessMode' in b)) {
      next.public = b.public;
      if (b.public) next.accessMode = 'PUBLIC';
      else if (program.accessMode === 'PUBLIC') next.accessMode = 'ALL_USERS';
    } else if (b.public !== next.public) bad('public', 'public contradicts accessMode');
  }
  if ('accessUsers' in b) next.accessUsers = stringList('accessUsers', b.accessUsers);
  if ('participantUsers' in b) next.participantUsers = stringList('participantUsers', b.participantUsers);
  if ('allowMediaDownload' in b) {
    if (typeof b.allowMediaDownload !== 'boolean')
      bad('allowMediaDownload', 'allowMediaDownload must be true or false');
    next.allowMediaDownload = b.allowMediaDownload;
  }
  if ('password' in b) {
    if (typeof b.password !== 'string') bad('password', 'password must be a string');
    next.password = b.password || undefined;
    next.passwordProtected = !!b.password;
  }
  if ('thumbnailData' in b || 'thumbnailMimeType' in b) {
    const mimeType = b.thumbnailMimeType;
    if (typeof mimeType !== 'string' || !THUMBNAIL_TYPES.includes(mimeType)) {
      bad('thumbnailMimeType', `thumbnailMimeType must be one of ${THUMBNAIL_TYPES.join(', ')}`);
    }
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      const binary = atob(typeof b.thumbnailData === 'string' ? b.thumbnailData : '');
      bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    } catch {
      bad('thumbnailData', 'thumbnailData must be base64');
    }
    if (bytes.length === 0) bad('thumbnailData', 'thumbnailData must not be empty');
    next.thumbnailUpload = { bytes, mimeType };
  }
  if ('deleted' in b) {
    // `true` on a deleted program is the whole-Program form of "no change" (renaming in the recycle bin).
    if (b.deleted !== false && !(b.deleted === true && program.deleted)) {
      bad('deleted', 'deleted can only be set to false (restore); use DELETE to delete');
    }
    if (program.deleted && b.deleted === false) {
      const policy = policiesOf(ctx.state, program.tenantId).recordingRetentionPolicy;
      if (policy === 'DO_NOT_RETAIN') throw new HttpError(409, 'The retention policy keeps no deleted programs');
      next.deleted = false;
    }
  }
  Object.assign(program, next);
  if (next.deleted === false) delete program.deletedDate;
  if ('password' in next && !next.password) delete program.password;
}

function statusOf(ctx: RouteContext, program: EmulatorProgram): ProgramState {
  const sequence = program.statusSequence;
  if (!sequence?.length) return liveStateOf(ctx.state, program, ctx.now) ?? program.programStatus ?? 'COMPLETE';
  const calls = ctx.state.statusCalls.get(program.id) ?? 0;
  ctx.state.statusCalls.set(program.id, calls + 1);
  const state = sequence[Math.min(calls, sequence.length - 1)]!;
  program.programStatus = state;
  if (state === 'COMPLETE') program.available = true;
  return state;
}

/** The `programCreationStage` a server reports in each state (values from WIRE.md's list). */
function creationStageOf(state: ProgramState, live: boolean): string {
  switch (state) {
    case 'SCHEDULED':
    case 'PENDING_START':
      return 'PENDING_START';
    case 'PENDING':
      return 'CREATE_DIRECTORIES';
    case 'STARTED':
      return live ? 'DISTRIBUTION_INITIATED' : 'CREATE_AGGREGATE_RESOURCES';
    case 'FAILED':
      return 'CREATE_RESOURCES';
    default:
      return 'COMPLETE';
  }
}

async function readPassword(ctx: RouteContext, type: string): Promise<string> {
  const body = await readJsonBody(ctx.request, type);
  if (typeof body.password !== 'string') throw new HttpError(400, 'password must be a string', { field: 'password' });
  return body.password;
}

function checkPassword(program: EmulatorProgram, password: string): void {
  if (program.password && password !== program.password) throw new HttpError(403, 'Wrong password');
}

/** Everything under P/{id}. */
export async function routeProgram(ctx: RouteContext, id: string, rest: string[]): Promise<Response | undefined> {
  const method = ctx.request.method;
  const [action, arg] = rest;
  if (rest.length === 0) {
    const caller = requireViewer(ctx);
    const program = findViewable(ctx, caller, id);
    if (method === 'GET') return json(toWire(ctx, caller, program), MEDIA_TYPES.program);
    if (method !== 'PUT' && method !== 'DELETE')
      throw new HttpError(405, 'Method not allowed', undefined, { Allow: 'GET, PUT, DELETE' });
    if (!caller.user) throw new HttpError(401, 'Sign in to change this program');
    if (!canEdit(caller, program)) throw new HttpError(403, 'You may not change this program');
    if (method === 'PUT') {
      applyUpdate(ctx, program, await readJsonBody(ctx.request, MEDIA_TYPES.program));
      return json(toWire(ctx, caller, program), MEDIA_TYPES.program);
    }
    const permanent = boolParam(ctx, 'permanent', false);
    boolParam(ctx, 'deleteResources', true);
    const policy = policiesOf(ctx.state, program.tenantId).recordingRetentionPolicy;
    if (permanent || program.deleted || policy === 'DO_NOT_RETAIN') removeProgram(ctx.state, program.id);
    else Object.assign(program, { deleted: true, deletedDate: new Date(ctx.now).toISOString() });
    return noContent();
  }
  const caller = requireViewer(ctx);
  const program = findViewable(ctx, caller, id);
  if (action === 'authorize' && rest.length === 1) {
    if (method !== 'POST') throw new HttpError(405, 'Method not allowed', undefined, { Allow: 'POST' });
    checkPassword(program, await readPassword(ctx, MEDIA_TYPES.programPassword));
    return json(toWire(ctx, caller, program, true), MEDIA_TYPES.program);
  }
  if (action === 'url' && rest.length === 1) {
    if (method === 'POST') checkPassword(program, await readPassword(ctx, MEDIA_TYPES.programAddress));
    else if (method !== 'GET') throw new HttpError(405, 'Method not allowed', undefined, { Allow: 'GET, POST' });
    else if (isLocked(caller, program)) throw new HttpError(403, 'This program is protected: POST the password');
    return json(addressOf(ctx, program), MEDIA_TYPES.programAddress);
  }
  if (action === 'status' && rest.length === 1 && method === 'GET') {
    const state = statusOf(ctx, program);
    return json(
      {
        programId: program.id,
        state,
        stateDetails: state === 'FAILED' ? 'Transcoding failed' : '',
        programCreationStage: creationStageOf(state, !!program.live),
        programCreationMessage: '',
        recordingState: program.live && state === 'STARTED' ? 'STARTED' : 'STOPPED',
      },
      MEDIA_TYPES.programStatus,
    );
  }
  if (action === 'report' && method === 'POST' && rest.length <= 2) {
    const dnId = ctx.url.searchParams.get('dnId') ?? 'dn-1';
    if (arg === undefined) return startView(ctx, caller, program, dnId);
    const view = ctx.state.views.find((v) => v.reportId === arg && v.programId === program.id);
    if (!view) throw new HttpError(404, 'No such report');
    if (!view.ended) {
      view.ended = true;
      view.duration = Math.max(0, Math.round((ctx.now - timeOf(ctx.state, view.startDate)) / 1000));
      program.currentViewerCount = Math.max(0, (program.currentViewerCount ?? 1) - 1);
    }
    return noContent();
  }
  return undefined;
}

function startView(ctx: RouteContext, caller: Caller, program: EmulatorProgram, dnId: string): Response {
  const reportId = ctx.nextId('r', (id) => ctx.state.views.some((v) => v.reportId === id));
  const node = dnId.replace(/[^\w.-]/g, '');
  ctx.state.views.push({
    reportId,
    programId: program.id,
    tenantId: program.tenantId,
    ended: false,
    programName: program.name,
    ownerName: program.owner,
    categoryName: ctx.state.categories.get(program.categoryId ?? '')?.name ?? '',
    programType: program.live ? 'LIVE' : 'VOD',
    username: caller.user?.login ?? null,
    guest: !caller.user,
    clientIpAddr: ctx.request.headers.get('x-forwarded-for') ?? '127.0.0.1',
    userAgent: ctx.request.headers.get('user-agent') ?? '',
    startDate: new Date(ctx.now).toISOString(),
    duration: 0,
    dnName: node,
    dnAddress: `${node}.emulator.local`,
    location: 'Emulator',
  });
  program.viewCount = (program.viewCount ?? 0) + 1;
  program.currentViewerCount = (program.currentViewerCount ?? 0) + 1;
  // `receipt` is what the vendor client read; `reportId` and `id` name it plainly.
  return json({ receipt: reportId, reportId, id: reportId }, MEDIA_TYPES.reportReceipt);
}
