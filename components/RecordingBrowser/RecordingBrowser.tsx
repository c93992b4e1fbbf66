'use client';

import { forwardRef, useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { useComponentService } from '../internal/useComponentService';
import type { Program } from '../../src/core/types';
import { RecordingDetails } from '../RecordingDetails/RecordingDetails';
import { RecordingFilters, type RecordingFiltersValue } from '../RecordingFilters/RecordingFilters';
import { RecordingList, type RecordingListProps } from '../RecordingList/RecordingList';
import { RecordingPlayer } from '../RecordingPlayer/RecordingPlayer';
import { cx } from '../internal/format';

/** Props of {@link RecordingBrowser}. */
export interface RecordingBrowserProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSelect'> {
  /** The filters to start with. */
  initialFilters?: RecordingFiltersValue;
  /** Items per page of the list. Defaults to 10. */
  pageSize?: number;
  /** Paging of the list. Defaults to `'pages'`. */
  paging?: RecordingListProps['paging'];
  /** The recording to open at first. */
  initialSelectedId?: string;
  /** Called when the user opens a recording. */
  onSelect?: (program: Program) => void;
  /** Extra class names on the root `<div>` (which also takes `ref` and any other `<div>` prop). */
  className?: string;
}

/**
 * The whole experience in one line: filters, a paged list, and the picked recording's player (its thumbnail as
 * the poster) and details (with unlock, download, and, for editors, edit and delete). The list and the
 * selection sit side by side, and stack when the browser is narrower than about 768 px. Opening a recording
 * moves the focus to its name.
 *
 * @example
 * <RecordingServiceProvider config={config}>
 *   <RecordingBrowser pageSize={20} />
 * </RecordingServiceProvider>
 */
export const RecordingBrowser = forwardRef<HTMLDivElement, RecordingBrowserProps>(function RecordingBrowser(
  { initialFilters = {}, pageSize, paging, initialSelectedId, onSelect, className, ...rest },
  ref,
) {
  const { messages } = useComponentService('RecordingBrowser');
  const [filters, setFilters] = useState(initialFilters);
  const [selected, setSelected] = useState(initialSelectedId);
  // The password of the unlocked recording lives only here, for the player, and goes with the selection.
  const [unlocked, setUnlocked] = useState<{ id: string; password: string }>();
  const detailsRef = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);

  useEffect(() => {
    if (!moveFocus.current) return;
    // The details start from the list's copy of the program, so its heading is there on this render; after a
    // delete, the placeholder takes the focus.
    const heading = detailsRef.current?.querySelector<HTMLElement>('[tabindex="-1"]');
    if (!heading) return;
    moveFocus.current = false;
    heading.focus();
  });

  return (
    <div {...rest} ref={ref} className={cx('rrs-browser', className)}>
      <RecordingFilters value={filters} onChange={setFilters} className="rrs-browser__filters" />
      <div className="rrs-browser__body">
        <RecordingList
          className="rrs-browser__list"
          params={filters}
          pageSize={pageSize}
          paging={paging}
          selectedId={selected}
          onSelect={(program) => {
            if (!program.id) return;
            moveFocus.current = true;
            setSelected(program.id);
            onSelect?.(program);
          }}
        />
        <div className="rrs-browser__selection" ref={detailsRef}>
          {selected ? (
            <>
              <RecordingPlayer
                key={`player-${selected}`}
                id={selected}
                caption={false}
                {...(unlocked?.id === selected && { password: unlocked.password })}
              />
              <RecordingDetails
                key={selected}
                id={selected}
                thumbnail={false}
                onUnlocked={(password) => setUnlocked({ id: selected, password })}
                onDeleted={() => {
                  moveFocus.current = true;
                  setSelected(undefined);
                }}
              />
            </>
          ) : (
            <p className="rrs-browser__placeholder" tabIndex={-1}>
              {messages.selectRecording}
            </p>
          )}
        </div>
      </div>
    </div>
  );
});
