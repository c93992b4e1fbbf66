import { encodeSegment } from './http';
import type { RecordingContext } from './context';
import { accept, pick, send, signalOf } from './request';
import { accessReportSchema, listOf, viewerReportSchema } from './schemas';
import type { AccessReport, ReportParams, RequestOptions, ViewerReport } from './types';

const reportKeys = [
  'offset', 'count', 'ownerName', 'category', 'programName', 'range', 'startDate', 'endDate', 'userAgent', 'dnName', 'dnAddress',
] as const satisfies readonly (keyof ReportParams)[]; // prettier-ignore
const accessAnswer = /* @__PURE__ */ listOf<AccessReport>(accessReportSchema);
const viewersAnswer = /* @__PURE__ */ listOf<ViewerReport>(viewerReportSchema);

/** Who watched what, over every program. */
export async function getAccessReport(
  context: RecordingContext,
  params?: ReportParams & RequestOptions,
  options?: RequestOptions,
): Promise<AccessReport[]> {
  return send(context, {
    method: 'GET',
    path: `${context.config.resources.reportsUrl}/programaccess`,
    query: pick(params, reportKeys),
    accept: accept('asr.list.v2'),
    signal: signalOf(params, options),
    answer: { schema: accessAnswer },
  });
}

/** Who watched one program. */
export async function getProgramAccessReport(
  context: RecordingContext,
  programId: string,
  params?: ReportParams & RequestOptions,
  options?: RequestOptions,
): Promise<AccessReport[]> {
  return send(context, {
    method: 'GET',
    path: `${context.config.resources.reportsUrl}/programaccess/${encodeSegment(programId, 'programId')}`,
    query: pick(params, reportKeys),
    accept: accept('asr.list.v2'),
    signal: signalOf(params, options),
    answer: { schema: accessAnswer },
  });
}

/** The view counts of one program. */
export async function getProgramViewers(
  context: RecordingContext,
  programId: string,
  params?: ReportParams & RequestOptions,
  options?: RequestOptions,
): Promise<ViewerReport[]> {
  return send(context, {
    method: 'GET',
    path: `${context.config.resources.reportsUrl}/programview/${encodeSegment(programId, 'programId')}`,
    query: pick(params, reportKeys),
    accept: accept('asr.list.v2'),
    signal: signalOf(params, options),
    answer: { schema: viewersAnswer },
  });
}
