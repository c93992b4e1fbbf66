import { encodeSegment } from './http';
import type { RecordingContext } from './context';
import { listAccept, read } from './operation';
import { accessReportSchema, listOf, viewerReportSchema, type AnswerSchema } from './schemas';
import type { AccessReport, ReportParams, RequestOptions, ViewerReport } from './types';

const reportKeys = [
  'offset', 'count', 'ownerName', 'category', 'programName', 'range', 'startDate', 'endDate', 'userAgent', 'dnName', 'dnAddress',
] as const satisfies readonly (keyof ReportParams)[]; // prettier-ignore
const accessAnswer = /* @__PURE__ */ listOf<AccessReport>(accessReportSchema);
const viewersAnswer = /* @__PURE__ */ listOf<ViewerReport>(viewerReportSchema);

/** A report under `reportsUrl`, its query the report parameters. */
const report = <T>(
  context: RecordingContext,
  path: string,
  schema: () => AnswerSchema<T>,
  params: (ReportParams & RequestOptions) | undefined,
  options: RequestOptions | undefined,
): Promise<T> =>
  read(context, `${context.config.resources.reportsUrl}/${path}`, listAccept, schema, params, options, reportKeys);

/** Who watched what, over every program. */
export async function getAccessReport(
  context: RecordingContext,
  params?: ReportParams & RequestOptions,
  options?: RequestOptions,
): Promise<AccessReport[]> {
  return report(context, 'programaccess', accessAnswer, params, options);
}

/** Who watched one program. */
export async function getProgramAccessReport(
  context: RecordingContext,
  programId: string,
  params?: ReportParams & RequestOptions,
  options?: RequestOptions,
): Promise<AccessReport[]> {
  return report(context, `programaccess/${encodeSegment(programId, 'programId')}`, accessAnswer, params, options);
}

/** The view counts of one program. */
export async function getProgramViewers(
  context: RecordingContext,
  programId: string,
  params?: ReportParams & RequestOptions,
  options?: RequestOptions,
): Promise<ViewerReport[]> {
  return report(context, `programview/${encodeSegment(programId, 'programId')}`, viewersAnswer, params, options);
}
