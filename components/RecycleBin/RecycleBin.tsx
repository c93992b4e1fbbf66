'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useComponentService } from '../internal/useComponentService';
import { useRecordings } from '../../hooks/useRecordings';
import { useRestoreRecording } from '../../hooks/useRestoreRecording';
import type { Program } from '../../src/core/types';
import { DeleteRecordingButton } from '../DeleteRecordingButton/DeleteRecordingButton';
import { cx, formatDate, isoDate, nameOf } from '../internal/format';
import { Empty, ErrorMessage, Loading } from '../internal/QueryStatus';

/** Props of {@link RecycleBin}. */
export interface RecycleBinProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** Only this owner's deleted recordings. Defaults to every one the user may see. */
  ownerId?: string;
  /** Items per page. Defaults to 10. */
  pageSize?: number;
  /** Extra class names on the root `<section>` (which also takes `ref` and any other `<section>` prop). */
  className?: string;
}

function Row({ program, onGone }: { program: Program; onGone: () => void }): ReactNode {
  const { messages } = useComponentService('RecycleBin');
  const restore = useRestoreRecording();
  const id = program.id ?? '';
  const name = nameOf(program, messages.untitled);
  return (
    <li className="rrs-list__item rrs-bin__item">
      <span className="rrs-list__body">
        <span className="rrs-list__name">{name}</span>
        {program.deletedDate ? (
          <span className="rrs-list__meta">
            {messages.deleted}: <time dateTime={isoDate(program.deletedDate)}>{formatDate(program.deletedDate)}</time>
          </span>
        ) : null}
      </span>
      <span className="rrs-bin__actions" role="group" aria-label={name}>
        <button
          type="button"
          className="rrs-button"
          disabled={restore.isPending}
          onClick={() => restore.mutate(id, { onSuccess: onGone })}
        >
          {messages.restore}
        </button>
        <DeleteRecordingButton id={id} permanent onDeleted={onGone} />
      </span>
      {restore.error ? <ErrorMessage error={restore.error} onRetry={() => restore.mutate(id)} /> : null}
    </li>
  );
}

/**
 * The recycle bin: deleted recordings with Restore and Delete permanently (after confirmation). Restoring
 * works where the retention policy keeps deleted recordings; elsewhere the server's refusal is shown.
 *
 * @example
 * <RecycleBin ownerId={user} />
 */
export const RecycleBin = forwardRef<HTMLElement, RecycleBinProps>(function RecycleBin(
  { ownerId, pageSize = 10, className, ...rest },
  ref,
) {
  const { messages } = useComponentService('RecycleBin');
  const [offset, setOffset] = useState(0);
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A restored or deleted row leaves the list: the focus goes to the bin's heading rather than the page.
  const focusHeading = () => headingRef.current?.focus();
  const { data, error, isPending, refetch, isPlaceholderData } = useRecordings(
    { onlyDeleted: true, offset, count: pageSize, ...(ownerId && { ownerId }) },
    { placeholderData: keepPreviousData },
  );
  // While the next page loads, the previous one stays on screen: so does its range.
  const [shown, setShown] = useState(offset);
  if (data && !isPlaceholderData && shown !== offset) setShown(offset);
  const shownOffset = isPlaceholderData ? shown : offset;
  // The last item of a later page went away: go back a page.
  if (data && data.items.length === 0 && offset > 0 && !isPlaceholderData) setOffset(Math.max(0, offset - pageSize));

  let body: ReactNode;
  if (isPending) body = <Loading />;
  else if (!data) body = <ErrorMessage error={error ?? new Error(messages.error)} onRetry={() => void refetch()} />;
  else if (data.items.length === 0) body = <Empty>{messages.recycleBinEmpty}</Empty>;
  else {
    const total = data.totalItemCount;
    body = (
      <>
        <p className="rrs-list__summary" aria-live="polite">
          {messages.pageSummary(shownOffset + 1, shownOffset + data.items.length, total)}
        </p>
        <ul className="rrs-list__items" aria-labelledby={`${ids}-title`}>
          {data.items.map((program, index) => (
            <Row key={program.id ?? index} program={program} onGone={focusHeading} />
          ))}
        </ul>
        {total > pageSize ? (
          <nav className="rrs-pager" aria-label={messages.pagination}>
            <button
              type="button"
              className="rrs-button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - pageSize))}
            >
              {messages.previousPage}
            </button>
            <button
              type="button"
              className="rrs-button"
              disabled={offset + pageSize >= total}
              onClick={() => setOffset(offset + pageSize)}
            >
              {messages.nextPage}
            </button>
          </nav>
        ) : null}
      </>
    );
  }
  return (
    <section aria-labelledby={`${ids}-title`} {...rest} ref={ref} className={cx('rrs-bin', className)}>
      <h2 id={`${ids}-title`} className="rrs-heading" ref={headingRef} tabIndex={-1}>
        {messages.recycleBin}
      </h2>
      {body}
    </section>
  );
});
