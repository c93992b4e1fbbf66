'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { forwardRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useInfiniteRecordings } from '../../hooks/useInfiniteRecordings';
import { useRecordings } from '../../hooks/useRecordings';
import type { Program, RecordingListParams } from '../../src/core/types';
import { cx } from '../internal/format';
import { Empty, ErrorMessage, Loading } from '../internal/QueryStatus';
import { useComponentService } from '../internal/useComponentService';
import { PlainRows, VirtualRows } from './ListRows';
import { RecordingListRow, type RecordingListItem } from './RecordingListItem';

/** Props of {@link RecordingList}. */
export interface RecordingListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSelect'> {
  /**
   * Filters of the list (`query`, `category`, `orderBy`, `ownerId`, `onlyDeleted`). `count` is the page size
   * unless `pageSize` is given; `offset` is where the list starts (it is the list's own from there on).
   */
  params?: RecordingListParams;
  /** Items per page. Defaults to `params.count`, else 10. */
  pageSize?: number;
  /**
   * `'pages'`: previous/next buttons (default); `'more'`: the next page is appended when the user scrolls to
   * the end of the list, or presses "Load more".
   */
  paging?: 'pages' | 'more';
  /**
   * With `paging: 'more'`, keep only the rows in view (and a few around them) in the DOM, so that thousands of
   * rows scroll smoothly; the list scrolls in a box as tall as `--rrs-list-height`. Defaults to true; false
   * renders every loaded row.
   */
  virtual?: boolean;
  /** Height of a row until it is measured, in px (a virtual list's scrollbar starts from it). Defaults to 72. */
  estimatedItemSize?: number;
  /** Called when the user picks a recording; without it the items are not interactive. */
  onSelect?: (program: Program) => void;
  /** The id of the picked recording, marked as current. */
  selectedId?: string;
  /**
   * Draws a row's content in place of the default {@link RecordingListRow}; the list keeps the `<li>`, the
   * keyboard navigation and the virtualization. Give the row's focusable element as a
   * {@link RecordingListSelect} (or mark it `data-rrs-item`) for the arrow keys to reach it.
   *
   * @example
   * renderItem={(item) => (
   *   <RecordingListSelect item={item}>
   *     <RecordingListThumbnail program={item.program} /> {item.program.name}
   *   </RecordingListSelect>
   * )}
   */
  renderItem?: (item: RecordingListItem) => ReactNode;
  /** Extra class names on the root `<div>` (which also takes `ref` and any other `<div>` prop). */
  className?: string;
}

type ListProps = Pick<
  RecordingListProps,
  'params' | 'onSelect' | 'selectedId' | 'renderItem' | 'virtual' | 'estimatedItemSize'
> & {
  pageSize: number;
};

const defaultRenderItem = (item: RecordingListItem): ReactNode => <RecordingListRow item={item} />;

/** Turns the list's props into the function drawing one row. */
function rowRenderer({
  onSelect,
  selectedId,
  renderItem = defaultRenderItem,
}: ListProps): (program: Program, index: number) => ReactNode {
  return (program, index) =>
    renderItem({
      program,
      index,
      selected: program.id !== undefined && program.id === selectedId,
      select: onSelect && (() => onSelect(program)),
    });
}

function PagedList(props: ListProps): ReactNode {
  const { params = {}, pageSize } = props;
  const { messages } = useComponentService('RecordingList');
  const { offset: start = 0, count: _count, ...filters } = params;
  const paramsKey = JSON.stringify([filters, start]);
  const [page, setPage] = useState({ key: paramsKey, offset: start });
  // New filters start again where the params say (the first page by default).
  const offset = page.key === paramsKey ? page.offset : start;
  const query = useRecordings({ ...filters, offset, count: pageSize }, { placeholderData: keepPreviousData });
  const { data, error, isPending, refetch, isPlaceholderData } = query;
  // While the next page loads, the previous one stays on screen: so does its range.
  const [shown, setShown] = useState(offset);
  if (data && !isPlaceholderData && shown !== offset) setShown(offset);
  const shownOffset = isPlaceholderData ? shown : offset;

  if (isPending) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (data.items.length === 0) return <Empty>{messages.empty}</Empty>;
  const total = data.totalItemCount;
  const go = (to: number) => setPage({ key: paramsKey, offset: to });
  return (
    <>
      <p className="rrs-list__summary" aria-live="polite" aria-busy={isPlaceholderData}>
        {messages.pageSummary(shownOffset + 1, shownOffset + data.items.length, total)}
      </p>
      {error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
      <PlainRows programs={data.items} renderRow={rowRenderer(props)} />
      <nav className="rrs-pager" aria-label={messages.pagination}>
        <button
          type="button"
          className="rrs-button"
          disabled={offset === 0 || isPlaceholderData}
          onClick={() => go(Math.max(0, offset - pageSize))}
        >
          {messages.previousPage}
        </button>
        <button
          type="button"
          className="rrs-button"
          disabled={offset + pageSize >= total || isPlaceholderData}
          onClick={() => go(offset + pageSize)}
        >
          {messages.nextPage}
        </button>
      </nav>
    </>
  );
}

function InfiniteList(props: ListProps): ReactNode {
  const { params, pageSize, virtual = true, estimatedItemSize = 72, onSelect } = props;
  const { messages } = useComponentService('RecordingList');
  const { offset: _offset, count: _count, ...filters } = params ?? {};
  const { data, error, isPending, refetch, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteRecordings({
    ...filters,
    count: pageSize,
  });
  if (isPending) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  const programs = data.pages.flatMap((page) => page.items);
  if (programs.length === 0) return <Empty>{messages.empty}</Empty>;
  const total = data.pages.at(-1)?.totalItemCount ?? programs.length;
  const renderRow = rowRenderer(props);
  const loadMore = () => {
    if (hasNextPage && !isFetchingNextPage && !error) void fetchNextPage();
  };
  return (
    <>
      <p className="rrs-list__summary" aria-live="polite">
        {messages.pageSummary(1, programs.length, total)}
      </p>
      {virtual ? (
        <VirtualRows
          programs={programs}
          renderRow={renderRow}
          total={total}
          estimatedItemSize={estimatedItemSize}
          onEndReached={loadMore}
          focusableRows={onSelect !== undefined}
        />
      ) : (
        <PlainRows programs={programs} renderRow={renderRow} />
      )}
      {error ? <ErrorMessage error={error} onRetry={() => void fetchNextPage()} /> : null}
      {hasNextPage ? (
        <div className="rrs-pager">
          <button
            type="button"
            className="rrs-button"
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchingNextPage ? messages.loading : messages.loadMore}
          </button>
        </div>
      ) : null}
    </>
  );
}

/**
 * A list of recordings with thumbnails, durations, owners and dates, paged with buttons or, with
 * `paging="more"`, growing as the user scrolls and virtualized (only the rows in view are in the DOM, so ten
 * thousand rows stay smooth). Picking an item calls `onSelect`; hovering or focusing one loads its details
 * ahead of time. Arrow keys, Home and End move between items (scrolling to them). Names are shown as text,
 * whatever they look like. `renderItem` draws your own rows from the exported parts.
 *
 * @example
 * <RecordingList params={{ query: 'town hall' }} pageSize={20} onSelect={(p) => setSelected(p.id)} />
 * <RecordingList paging="more" pageSize={100} renderItem={(item) => <MyRow {...item} />} />
 */
export const RecordingList = forwardRef<HTMLDivElement, RecordingListProps>(function RecordingList(
  {
    params,
    pageSize = params?.count ?? 10,
    paging = 'pages',
    virtual,
    estimatedItemSize,
    onSelect,
    selectedId,
    renderItem,
    className,
    ...rest
  },
  ref,
) {
  const props = { params, pageSize, virtual, estimatedItemSize, onSelect, selectedId, renderItem };
  return (
    <div {...rest} ref={ref} className={cx('rrs-list', className)}>
      {paging === 'more' ? <InfiniteList {...props} /> : <PagedList {...props} />}
    </div>
  );
});
