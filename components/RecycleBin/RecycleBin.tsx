'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useComponentService } from '../internal/useComponentService';
import { useRecordings } from '../../hooks/useRecordings';
import { useRestoreRecording } from '../../hooks/useRestoreRecording';
import type { Program } from '../../src/core/types';
import { DeleteRecordingButton } from '../DeleteRecordingButton/DeleteRecordingButton';
import { cx, nameOf } from '../internal/format';
import { ServerDate } from '../internal/ServerDate';
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

function Row({
  program,
  restoring,
  onRestore,
  onGone,
  error,
}: {
  program: Program;
  /** A restore is on its way (this one or another): one at a time, so no failure is lost to a later one. */
  restoring: boolean;
  onRestore: (id: string) => void;
  onGone: () => void;
  /** The failure of this program's restore, kept by the bin: the row leaves the list while it is on its way. */
  error: ReactNode;
}): ReactNode {
  const { messages } = useComponentService('RecycleBin');
  const id = program.id ?? '';
  const name = nameOf(program, messages.untitled);
  return (
    <li className="rrs-list__item rrs-bin__item">
      <span className="rrs-list__body">
        <span className="rrs-list__name">{name}</span>
        {program.deletedDate ? (
          <span className="rrs-list__meta">
            {messages.deleted}: <ServerDate value={program.deletedDate} />
          </span>
        ) : null}
      </span>
      <span className="rrs-bin__actions" role="group" aria-label={name}>
        <button type="button" className="rrs-button" disabled={restoring} onClick={() => onRestore(id)}>
          {messages.restore}
        </button>
        <DeleteRecordingButton id={id} permanent onDeleted={onGone} />
      </span>
      {error}
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
  // The bin owns the restore, not the row: the row unmounts while its restore is on its way (it leaves the
  // cached list at once) and the one the rollback brings back is a new row.
  const restore = useRestoreRecording();
  const startRestore = (id: string) => {
    // The row leaves the list before the server answers.
    focusHeading();
    restore.mutate(id);
  };
  // `startRestore` passes the bare id.
  const failedId = restore.isError && typeof restore.variables === 'string' ? restore.variables : undefined;
  const restoreError =
    restore.error && failedId !== undefined ? (
      <ErrorMessage error={restore.error} onRetry={() => startRestore(failedId)} />
    ) : null;
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
            <Row
              key={program.id ?? index}
              program={program}
              restoring={restore.isPending}
              onRestore={startRestore}
              onGone={focusHeading}
              error={program.id === failedId ? restoreError : null}
            />
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
      {/* Shown by its row when the row is on this page, here otherwise (paged away, or gone after all). */}
      {data?.items.some((program) => program.id === failedId) ? null : restoreError}
      {body}
    </section>
  );
});
