'use client';

import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { usePrefetchRecording } from '../../hooks/usePrefetchRecording';
import { baseUrl } from '../../src/core/config';
import type { Program } from '../../src/core/types';
import { cx, formatDuration, nameOf, resolveUrl } from '../internal/format';
import { ServerDate } from '../internal/ServerDate';
import { useComponentService } from '../internal/useComponentService';

/** One row of a {@link RecordingList}, as its `renderItem` receives it. */
export interface RecordingListItem {
  /** The recording of this row. */
  program: Program;
  /** The row's position in the list, from 0. */
  index: number;
  /** Whether the recording is the list's `selectedId`. */
  selected: boolean;
  /** Picks the recording (calls the list's `onSelect`); undefined when the list has no `onSelect`. */
  select: (() => void) | undefined;
}

/** The attribute marking the element of a row that the arrow keys, Home and End move the focus to. */
export const ITEM_ATTRIBUTE = 'data-rrs-item';

/** Props of {@link RecordingListSelect}. */
export interface RecordingListSelectProps extends ComponentPropsWithoutRef<'button'> {
  /** The row, as `renderItem` received it. */
  item: RecordingListItem;
}

/**
 * The button of a row that picks its recording: the list's arrow keys, Home and End move the focus between
 * these buttons, it is marked `aria-current` when selected, and hovering or focusing it loads the recording's
 * details ahead of time. Put your own content inside.
 *
 * @example
 * <RecordingList renderItem={(item) => <RecordingListSelect item={item}>{item.program.name}</RecordingListSelect>} />
 */
export const RecordingListSelect = forwardRef<HTMLButtonElement, RecordingListSelectProps>(function RecordingListSelect(
  { item, className, onClick, onMouseEnter, onFocus, ...rest },
  ref,
) {
  const prefetch = usePrefetchRecording();
  const id = item.program.id ?? '';
  return (
    <button
      type="button"
      aria-current={item.selected ? 'true' : undefined}
      {...rest}
      {...{ [ITEM_ATTRIBUTE]: '' }}
      ref={ref}
      className={cx('rrs-list__select', className)}
      onClick={(event) => {
        onClick?.(event);
        item.select?.();
      }}
      onMouseEnter={(event) => {
        onMouseEnter?.(event);
        prefetch(id);
      }}
      onFocus={(event) => {
        onFocus?.(event);
        prefetch(id);
      }}
    />
  );
});

/** The thumbnail of a row (decorative space when the recording has none). */
export function RecordingListThumbnail({ program }: { /** The row's recording. */ program: Program }): ReactNode {
  const { messages, config } = useComponentService('RecordingListThumbnail');
  const thumbnail = resolveUrl(baseUrl(config), program.thumbnail);
  const name = nameOf(program, messages.untitled);
  return thumbnail ? (
    <img className="rrs-list__thumbnail" src={thumbnail} alt={messages.thumbnailAlt(name)} loading="lazy" />
  ) : (
    <span className="rrs-list__thumbnail rrs-list__thumbnail--none" aria-hidden="true" />
  );
}

/** The facts line of a row: live and protected badges, duration, owner and creation date. */
export function RecordingListMeta({ program }: { /** The row's recording. */ program: Program }): ReactNode {
  const { messages } = useComponentService('RecordingListMeta');
  return (
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
      {program.creationDate ? <ServerDate value={program.creationDate} /> : null}
    </span>
  );
}

/**
 * The row {@link RecordingList} draws by default: thumbnail, then name and facts, in a
 * {@link RecordingListSelect} when the list has `onSelect`. Reuse it in `renderItem` to wrap or extend it.
 *
 * @example
 * <RecordingList renderItem={(item) => <RecordingListRow item={item} />} />
 */
export function RecordingListRow({
  item,
}: {
  /** The row, as `renderItem` received it. */ item: RecordingListItem;
}): ReactNode {
  const { messages } = useComponentService('RecordingListRow');
  const { program } = item;
  const body = (
    <>
      <span className="rrs-list__name">{nameOf(program, messages.untitled)}</span>
      <RecordingListMeta program={program} />
    </>
  );
  return (
    <div className={cx('rrs-list__item', item.selected && 'rrs-list__item--selected')}>
      <RecordingListThumbnail program={program} />
      {item.select ? (
        <RecordingListSelect item={item}>{body}</RecordingListSelect>
      ) : (
        <span className="rrs-list__body">{body}</span>
      )}
    </div>
  );
}
