'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useInfiniteRecordings } from '../../hooks/useInfiniteRecordings';
import { usePrefetchRecording } from '../../hooks/usePrefetchRecording';
import { useComponentService } from '../internal/useComponentService';
import { useRecordings } from '../../hooks/useRecordings';
import { baseUrl } from '../../src/core/config';
import type { Program, RecordingListParams } from '../../src/core/types';
import { cx, formatDate, formatDuration, isoDate, nameOf, resolveUrl } from '../internal/format';
import { Empty, ErrorMessage, Loading } from '../internal/QueryStatus';

/** Props of {@link RecordingList}. */
export interface RecordingListProps {
  /**
   * Filters of the list (`query`, `category`, `orderBy`, `ownerId`, `onlyDeleted`). `count` is the page size
   * unless `pageSize` is given; `offset` is where the list starts (it is the list's own from there on).
   */
  params?: RecordingListParams;
  /** Items per page. Defaults to `params.count`, else 10. */
  pageSize?: number;
  /** `'pages'`: previous/next buttons (default); `'more'`: a "Load more" button appending the next page. */
  paging?: 'pages' | 'more';
  /** Called when the user picks a recording; without it the items are not interactive. */
  onSelect?: (program: Program) => void;
  /** The id of the picked recording, marked as current. */
  selectedId?: string;
  /** Extra class names on the root element. */
  className?: string;
}

const ITEM_SELECTOR = '[data-rrs-item]';

/** Arrow keys, Home and End move the focus between the items' buttons. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index === -1) return;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  items[next]?.focus();
}

function Item({
  program,
  onSelect,
  selected,
  serverBase,
}: {
  program: Program;
  onSelect: RecordingListProps['onSelect'];
  selected: boolean;
  serverBase: string;
}): ReactNode {
  const { messages } = useComponentService('RecordingList');
  const prefetch = usePrefetchRecording();
  const name = nameOf(program, messages.untitled);
  const thumbnail = resolveUrl(serverBase, program.thumbnail);
  const meta = (
    <span className="rrs-list__meta">
      {program.live ? <span className="rrs-badge rrs-badge--live">{messages.live}</span> : null}
      {program.passwordProtected ? <span className="rrs-badge">{messages.passwordProtected}</span> : null}
      {program.duration !== undefined && !program.live ? (
        <span>
          <span className="rrs-visually-hidden">{messages.duration}: </span>
          {formatDuration(program.duration)}
        </span>
      ) : null}
      {program.ownerDisplayName || program.owner ? <span>{program.ownerDisplayName ?? program.owner}</span> : null}
      {program.creationDate ? (
        <time dateTime={isoDate(program.creationDate)}>{formatDate(program.creationDate)}</time>
      ) : null}
    </span>
  );
  const id = program.id ?? '';
  return (
    <li className={cx('rrs-list__item', selected && 'rrs-list__item--selected')}>
      {thumbnail ? (
        <img className="rrs-list__thumbnail" src={thumbnail} alt={messages.thumbnailAlt(name)} loading="lazy" />
      ) : (
        <span className="rrs-list__thumbnail rrs-list__thumbnail--none" aria-hidden="true" />
      )}
      {onSelect ? (
        <button
          type="button"
          className="rrs-list__select"
          data-rrs-item=""
          aria-current={selected ? 'true' : undefined}
          onClick={() => onSelect(program)}
          onMouseEnter={() => prefetch(id)}
          onFocus={() => prefetch(id)}
        >
          <span className="rrs-list__name">{name}</span>
          {meta}
        </button>
      ) : (
        <span className="rrs-list__body">
          <span className="rrs-list__name">{name}</span>
          {meta}
        </span>
      )}
    </li>
  );
}

function Items({
  programs,
  onSelect,
  selectedId,
}: Pick<RecordingListProps, 'onSelect' | 'selectedId'> & { programs: Program[] }): ReactNode {
  const { messages, config } = useComponentService('RecordingList');
  const serverBase = baseUrl(config);
  return (
    <ul className="rrs-list__items" aria-label={messages.recordings} onKeyDown={moveFocus}>
      {programs.map((program, index) => (
        <Item
          key={program.id ?? index}
          program={program}
          onSelect={onSelect}
          selected={program.id !== undefined && program.id === selectedId}
          serverBase={serverBase}
        />
      ))}
    </ul>
  );
}

function PagedList({
  params = {},
  pageSize,
  onSelect,
  selectedId,
}: RecordingListProps & { pageSize: number }): ReactNode {
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
      <Items programs={data.items} onSelect={onSelect} selectedId={selectedId} />
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

function InfiniteList({
  params,
  pageSize,
  onSelect,
  selectedId,
}: RecordingListProps & { pageSize: number }): ReactNode {
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
  return (
    <>
      <p className="rrs-list__summary" aria-live="polite">
        {messages.pageSummary(1, programs.length, total)}
      </p>
      <Items programs={programs} onSelect={onSelect} selectedId={selectedId} />
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
 * A paged list of recordings with thumbnails, durations, owners and dates. Picking an item calls
 * `onSelect`; hovering or focusing one loads its details ahead of time. Arrow keys, Home and End move
 * between items. Names are shown as text, whatever they look like.
 *
 * @example
 * <RecordingList params={{ query: 'town hall' }} pageSize={20} onSelect={(p) => setSelected(p.id)} />
 */
export function RecordingList({
  params,
  pageSize = params?.count ?? 10,
  paging = 'pages',
  onSelect,
  selectedId,
  className,
}: RecordingListProps): ReactNode {
  const props = { params, pageSize, onSelect, selectedId };
  return (
    <div className={cx('rrs-list', className)}>
      {paging === 'more' ? <InfiniteList {...props} /> : <PagedList {...props} />}
    </div>
  );
}
