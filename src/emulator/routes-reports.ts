import type { AccessReport, ReportRange, ViewerReport } from '../core/types';
import { canEdit, DAY_MS, resolveCaller, timeOf, wireDate, type Caller, type RouteContext } from './context';
import { HttpError, json, MEDIA_TYPES } from './http';
import { intParam } from './routes-programs';
import type { EmulatorView } from './types';

const RANGE_DAYS: Record<ReportRange, number> = {
  LAST_DAY: 1,
  LAST_WEEK: 7,
  LAST_MONTH: 30,
  LAST_THREE_MONTHS: 91,
  LAST_SIX_MONTHS: 182,
  LAST_YEAR: 365,
  ALL: Number.POSITIVE_INFINITY,
};

/**
 * A date parameter, epoch ms; zone-less text is the server's wall clock, and a bare day (`2026-03-02`) as
 * `endDate` covers that whole day.
 */
function dateParam(ctx: RouteContext, name: 'startDate' | 'endDate'): number | undefined {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null) return undefined;
  const ms = timeOf(ctx.state, raw);
  if (Number.isNaN(ms)) throw new HttpError(400, `${name} must be an ISO-8601 date`, { parameter: name });
  return name === 'endDate' && /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? ms + DAY_MS - 1 : ms;
}

function filterViews(ctx: RouteContext, views: EmulatorView[], withProgramFilters: boolean): EmulatorView[] {
  const q = ctx.url.searchParams;
  const range = q.get('range');
  if (range !== null && !(range in RANGE_DAYS))
    throw new HttpError(400, `range must be one of ${Object.keys(RANGE_DAYS).join(', ')}`, { parameter: 'range' });
  const from = Math.max(
    dateParam(ctx, 'startDate') ?? -Infinity,
    range ? ctx.now - RANGE_DAYS[range as ReportRange] * DAY_MS : -Infinity,
  );
  const to = dateParam(ctx, 'endDate') ?? Infinity;
  const includes = (value: string | null | undefined, wanted: string | null): boolean =>
    wanted === null || (value ?? '').toLowerCase().includes(wanted.toLowerCase());
  return views.filter((v) => {
    const start = timeOf(ctx.state, v.startDate);
    if (start < from || start > to) return false;
    if (!includes(v.userAgent, q.get('userAgent'))) return false;
    if (q.has('dnName') && v.dnName !== q.get('dnName')) return false;
    if (q.has('dnAddress') && v.dnAddress !== q.get('dnAddress')) return false;
    if (withProgramFilters) {
      if (!includes(v.ownerName, q.get('ownerName')) || !includes(v.programName, q.get('programName'))) return false;
      if (!includes(v.categoryName, q.get('category'))) return false;
    }
    return true;
  });
}

function page<T>(ctx: RouteContext, items: T[]): T[] {
  const offset = intParam(ctx, 'offset', 0);
  const count = intParam(ctx, 'count', 100, 10_000);
  return items.slice(offset, offset + count);
}

function wireView(ctx: RouteContext, view: EmulatorView): AccessReport {
  const { reportId: _id, tenantId: _tenant, ended: _ended, ...rest } = view;
  return rest.startDate ? { ...rest, startDate: wireDate(ctx.state, rest.startDate) } : rest;
}

function reporter(caller: Caller): NonNullable<Caller['user']> {
  if (!caller.user) throw new HttpError(401, 'Sign in to see reports');
  if (caller.user.role === 'user') throw new HttpError(403, 'Only publishers and administrators see reports');
  return caller.user;
}

/** R/programaccess, R/programaccess/{programId}, R/programview/{programId}. */
export function routeReports(ctx: RouteContext, segments: string[]): Response | undefined {
  const [kind, programId] = segments;
  if (ctx.request.method !== 'GET') return undefined;
  if (kind === 'programaccess' && segments.length === 1) {
    const caller = resolveCaller(ctx);
    const user = reporter(caller);
    const admin = user.role === 'admin' || user.role === 'tenantAdmin';
    const views = ctx.state.views.filter(
      (v) => v.tenantId === caller.tenantId && (admin || v.ownerName === user.login),
    );
    const sorted = filterViews(ctx, views, true).sort(
      (a, b) => timeOf(ctx.state, b.startDate) - timeOf(ctx.state, a.startDate),
    );
    return json(
      page(ctx, sorted).map((v) => wireView(ctx, v)),
      MEDIA_TYPES.list,
    );
  }
  if ((kind === 'programaccess' || kind === 'programview') && segments.length === 2) {
    // The legacy client sent no tenantId to the per-program reports: the user's tenant stands in.
    const caller = resolveCaller(ctx, { tenantOptional: true });
    reporter(caller);
    const program = ctx.state.programs.get(programId!);
    if (!program || program.tenantId !== caller.tenantId) throw new HttpError(404, 'No such program');
    if (!canEdit(caller, program)) throw new HttpError(403, 'Only the owner or an administrator sees this report');
    const views = filterViews(
      ctx,
      ctx.state.views.filter((v) => v.programId === program.id),
      false,
    ).sort((a, b) => timeOf(ctx.state, b.startDate) - timeOf(ctx.state, a.startDate));
    if (kind === 'programaccess')
      return json(
        page(ctx, views).map((v) => wireView(ctx, v)),
        MEDIA_TYPES.list,
      );
    const guests = views.filter((v) => v.guest).length;
    const report: ViewerReport = {
      programId: program.id,
      programName: program.name,
      ownerName: program.owner,
      categoryName: ctx.state.categories.get(program.categoryId ?? '')?.name ?? '',
      programType: program.live ? 'LIVE' : 'VOD',
      registeredUserViews: views.length - guests,
      guestUserViews: guests,
      totalViews: views.length,
      views: page(ctx, views).map((v) => ({
        username: v.username ?? null,
        guest: !!v.guest,
        clientIpAddr: v.clientIpAddr ?? '',
        location: v.location ?? '',
      })),
    };
    return json([report], MEDIA_TYPES.list);
  }
  return undefined;
}
