'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { forwardRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useAccessReport } from '../../hooks/useAccessReport';
import { useProgramAccessReport } from '../../hooks/useProgramAccessReport';
import { useComponentService } from '../internal/useComponentService';
import type { ReportParams, ReportRange } from '../../src/core/types';
import { cx, formatDuration } from '../internal/format';
import { ServerDate } from '../internal/ServerDate';
import { Empty, ErrorMessage, Loading } from '../internal/QueryStatus';
import { RangeSelect } from '../internal/RangeSelect';

/** Props of {@link AccessReportTable}. */
export interface AccessReportTableProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** One program's report; every program the user may report on when left out. */
  programId?: string;
  /** Filters besides the period (`ownerName`, `category`, `programName`, `count`...). */
  params?: ReportParams;
  /** Extra class names on the root `<div>` (which also takes `ref` and any other `<div>` prop). */
  className?: string;
}

/**
 * Who watched what: a table (with a caption and column headers) of views over a period the user picks,
 * for one program or for every program the user may report on.
 *
 * @example
 * <AccessReportTable params={{ range: 'LAST_WEEK' }} />
 * <AccessReportTable programId={id} />
 */
export const AccessReportTable = forwardRef<HTMLDivElement, AccessReportTableProps>(function AccessReportTable(
  { programId, params = {}, className, ...rest },
  ref,
) {
  const { messages } = useComponentService('AccessReportTable');
  const [range, setRange] = useState<ReportRange>(params.range ?? 'LAST_MONTH');
  const query = { ...params, range };
  const options = { placeholderData: keepPreviousData };
  const all = useAccessReport(query, { ...options, enabled: programId === undefined });
  const one = useProgramAccessReport(programId ?? '', query, options);
  const { data, error, isPending, refetch, isPlaceholderData } = programId === undefined ? all : one;

  let body: ReactNode;
  if (isPending) body = <Loading />;
  else if (!data) body = <ErrorMessage error={error ?? new Error(messages.error)} onRetry={() => void refetch()} />;
  else if (data.length === 0) body = <Empty>{messages.noViews}</Empty>;
  else {
    body = (
      <div className="rrs-table__scroll">
        <table className="rrs-table" aria-busy={isPlaceholderData}>
          <caption>
            {messages.accessReport}: {messages.ranges[range]}
          </caption>
          <thead>
            <tr>
              <th scope="col">{messages.program}</th>
              <th scope="col">{messages.viewer}</th>
              <th scope="col">{messages.started}</th>
              <th scope="col">{messages.duration}</th>
              <th scope="col">{messages.location}</th>
              <th scope="col">{messages.deliveryNode}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row, index) => (
              <tr key={`${row.programId ?? ''}-${row.startDate ?? ''}-${index}`}>
                <th scope="row">{row.programName ?? row.programId}</th>
                <td>{row.guest || !row.username ? messages.guest : row.username}</td>
                <td>{row.startDate ? <ServerDate value={row.startDate} /> : null}</td>
                <td>{formatDuration(row.duration)}</td>
                <td>{row.location}</td>
                <td>{row.dnName ?? row.dnAddress}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div {...rest} ref={ref} className={cx('rrs-report', className)}>
      <RangeSelect value={range} onChange={setRange} />
      {body}
    </div>
  );
});
