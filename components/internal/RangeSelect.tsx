'use client';

import { useId, type ReactNode } from 'react';
import { useComponentService } from './useComponentService';
import type { ReportRange } from '../../src/core/types';

const RANGES: ReportRange[] = [
  'LAST_DAY',
  'LAST_WEEK',
  'LAST_MONTH',
  'LAST_THREE_MONTHS',
  'LAST_SIX_MONTHS',
  'LAST_YEAR',
  'ALL',
];

/** The report period select. */
export function RangeSelect({
  value,
  onChange,
}: {
  value: ReportRange;
  onChange: (range: ReportRange) => void;
}): ReactNode {
  const { messages } = useComponentService('RangeSelect');
  const id = useId();
  return (
    <div className="rrs-field rrs-report__range">
      <label htmlFor={id}>{messages.range}</label>
      <select
        id={id}
        className="rrs-select"
        value={value}
        onChange={(event) => onChange(event.target.value as ReportRange)}
      >
        {RANGES.map((range) => (
          <option key={range} value={range}>
            {messages.ranges[range]}
          </option>
        ))}
      </select>
    </div>
  );
}
