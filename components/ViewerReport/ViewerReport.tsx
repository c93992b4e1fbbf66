'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { forwardRef, useId, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useProgramViewers } from '../../hooks/useProgramViewers';
import { useComponentService } from '../internal/useComponentService';
import type { ReportParams, ReportRange } from '../../src/core/types';
import { cx } from '../internal/format';
import { Empty, ErrorMessage, Loading } from '../internal/QueryStatus';
import { RangeSelect } from '../internal/RangeSelect';

/** Props of {@link ViewerReport}. */
export interface ViewerReportProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The program to report on. */
  programId: string;
  /** Filters besides the period. */
  params?: ReportParams;
  /** Extra class names on the root `<section>` (which also takes `ref` and any other `<section>` prop). */
  className?: string;
}

/**
 * How many watched one program over a period the user picks: totals (signed-in and guest views) and a
 * table of the viewers.
 *
 * @example
 * <ViewerReport programId={id} params={{ range: 'ALL' }} />
 */
export const ViewerReport = forwardRef<HTMLElement, ViewerReportProps>(function ViewerReport(
  { programId, params = {}, className, ...rest },
  ref,
) {
  const { messages } = useComponentService('ViewerReport');
  const [range, setRange] = useState<ReportRange>(params.range ?? 'LAST_MONTH');
  const { data, error, isPending, refetch } = useProgramViewers(
    programId,
    { ...params, range },
    { placeholderData: keepPreviousData },
  );
  const ids = useId();
  const report = data?.[0];

  let body: ReactNode;
  if (isPending) body = <Loading />;
  else if (!data) body = <ErrorMessage error={error ?? new Error(messages.error)} onRetry={() => void refetch()} />;
  else if (!report || !report.totalViews) body = <Empty>{messages.noViews}</Empty>;
  else {
    const views = report.views ?? [];
    body = (
      <>
        <dl className="rrs-report__totals">
          <div>
            <dt>{messages.totalViews}</dt>
            <dd>{report.totalViews ?? 0}</dd>
          </div>
          <div>
            <dt>{messages.registeredViews}</dt>
            <dd>{report.registeredUserViews ?? 0}</dd>
          </div>
          <div>
            <dt>{messages.guestViews}</dt>
            <dd>{report.guestUserViews ?? 0}</dd>
          </div>
        </dl>
        {views.length > 0 ? (
          <div className="rrs-table__scroll">
            <table className="rrs-table">
              <caption>
                {messages.viewers}: {messages.ranges[range]}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{messages.viewer}</th>
                  <th scope="col">{messages.location}</th>
                </tr>
              </thead>
              <tbody>
                {views.map((view, index) => (
                  <tr key={index}>
                    <th scope="row">{view.guest || !view.username ? messages.guest : view.username}</th>
                    <td>{view.location}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </>
    );
  }
  return (
    <section aria-labelledby={`${ids}-title`} {...rest} ref={ref} className={cx('rrs-report', className)}>
      <h2 id={`${ids}-title`} className="rrs-heading">
        {messages.viewers}
        {report?.programName ? `: ${report.programName}` : ''}
      </h2>
      <RangeSelect value={range} onChange={setRange} />
      {body}
    </section>
  );
});
