'use client';

import { forwardRef, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { useCategories } from '../../hooks/useCategories';
import { useComponentService } from '../internal/useComponentService';
import type { RecordingListParams } from '../../src/core/types';
import { cx } from '../internal/format';
import { CategoryOptions } from '../internal/CategoryOptions';

/** What {@link RecordingFilters} edits: the filter part of `RecordingListParams`. */
export type RecordingFiltersValue = Pick<RecordingListParams, 'query' | 'category' | 'orderBy'>;

/** Props of {@link RecordingFilters}. */
export interface RecordingFiltersProps extends Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onChange'> {
  /** The current filters (controlled). */
  value: RecordingFiltersValue;
  /** Called with the new filters; search text arrives debounced, select changes at once. */
  onChange: (value: RecordingFiltersValue) => void;
  /** How long typing must pause before the search applies, in ms. Enter applies it at once. Defaults to 300. */
  debounceMs?: number;
  /** Extra class names on the root `<form role="search">` (which also takes `ref` and any other `<form>` prop). */
  className?: string;
}

/** The sort orders offered, as the server's `orderBy` values (`-field` is descending). */
const ORDERS = [
  ['-creationDate', 'orderNewest'],
  ['creationDate', 'orderOldest'],
  ['name', 'orderName'],
  ['-viewCount', 'orderMostViewed'],
  ['-duration', 'orderLongest'],
] as const;

function withField<K extends keyof RecordingFiltersValue>(
  value: RecordingFiltersValue,
  field: K,
  next: RecordingFiltersValue[K] | '',
): RecordingFiltersValue {
  const { [field]: _old, ...rest } = value;
  return next === '' || next === undefined ? rest : { ...rest, [field]: next };
}

/**
 * Search, category and sort order of a recordings list, controlled through `value` and `onChange`. The
 * search box applies after typing pauses (or on Enter); the categories come from the server.
 *
 * @example
 * const [filters, setFilters] = useState<RecordingFiltersValue>({});
 * <RecordingFilters value={filters} onChange={setFilters} />
 * <RecordingList params={filters} />
 */
export const RecordingFilters = forwardRef<HTMLFormElement, RecordingFiltersProps>(function RecordingFilters(
  { value, onChange, debounceMs = 300, className, onSubmit, ...rest },
  ref,
) {
  const { messages } = useComponentService('RecordingFilters');
  const categories = useCategories();
  const ids = useId();
  const outside = value.query ?? '';
  const [text, setText] = useState({ from: outside, text: outside });
  // A new `value.query` from outside replaces what was typed (unless it is what was typed, e.g. our own).
  const typed = text.from === outside || text.text.trim() === outside ? text.text : outside;
  if (text.from !== outside) setText({ from: outside, text: typed });

  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  });

  const apply = (query: string) => {
    const current = latest.current;
    if ((current.value.query ?? '') !== query.trim()) current.onChange(withField(current.value, 'query', query.trim()));
  };

  useEffect(() => {
    if (typed.trim() === outside) return undefined;
    const timer = setTimeout(() => apply(typed), debounceMs);
    return () => clearTimeout(timer);
  }, [typed, outside, debounceMs]);

  const submit: ComponentPropsWithoutRef<'form'>['onSubmit'] = (event) => {
    event.preventDefault();
    onSubmit?.(event);
    apply(typed);
  };

  return (
    <form
      role="search"
      aria-label={messages.filters}
      {...rest}
      ref={ref}
      className={cx('rrs-filters', className)}
      onSubmit={submit}
    >
      <div className="rrs-field">
        <label htmlFor={`${ids}-query`}>{messages.search}</label>
        <input
          id={`${ids}-query`}
          className="rrs-input"
          type="search"
          value={typed}
          onChange={(event) => setText({ from: outside, text: event.target.value })}
        />
      </div>
      <div className="rrs-field">
        <label htmlFor={`${ids}-category`}>{messages.category}</label>
        <select
          id={`${ids}-category`}
          className="rrs-select"
          value={value.category ?? ''}
          aria-busy={categories.isPending}
          onChange={(event) => onChange(withField(value, 'category', event.target.value))}
        >
          <option value="">{messages.allCategories}</option>
          <CategoryOptions categories={categories.data} current={value.category ?? ''} />
        </select>
      </div>
      <div className="rrs-field">
        <label htmlFor={`${ids}-order`}>{messages.orderBy}</label>
        <select
          id={`${ids}-order`}
          className="rrs-select"
          value={value.orderBy ?? ORDERS[0][0]}
          onChange={(event) =>
            onChange(withField(value, 'orderBy', event.target.value === ORDERS[0][0] ? '' : event.target.value))
          }
        >
          {ORDERS.map(([orderBy, label]) => (
            <option key={orderBy} value={orderBy}>
              {messages[label]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
});
