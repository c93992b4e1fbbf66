'use client';

import {
  defaultRangeExtractor,
  measureElement,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
} from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Program } from '../../src/core/types';
import { useComponentService } from '../internal/useComponentService';
import { ITEM_ATTRIBUTE } from './RecordingListItem';

/** What both row containers take. */
export interface RowsProps {
  programs: Program[];
  /** Draws the content of row `index`. */
  renderRow: (program: Program, index: number) => ReactNode;
}

const ITEM_SELECTOR = `[${ITEM_ATTRIBUTE}]`;
const KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/** The row the arrow keys, Home or End move to from the focused item; undefined for any other key. */
function nextIndex(event: KeyboardEvent<HTMLElement>, count: number): number | undefined {
  if (!KEYS.has(event.key)) return undefined;
  const target = event.target as HTMLElement;
  if (!target.matches(ITEM_SELECTOR)) return undefined;
  const index = Number(target.closest<HTMLElement>('[data-index]')?.dataset.index);
  if (!Number.isInteger(index)) return undefined;
  event.preventDefault();
  if (event.key === 'Home') return 0;
  if (event.key === 'End') return count - 1;
  return Math.min(count - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
}

/** A row's content, drawn again only when its recording, position or drawing function changes (not on scroll). */
const RowContent = memo(function RowContent({
  program,
  index,
  renderRow,
}: {
  program: Program;
  index: number;
  renderRow: RowsProps['renderRow'];
}): ReactNode {
  return renderRow(program, index);
});

function focusItem(list: HTMLElement | null, index: number): boolean {
  const item = list?.querySelector<HTMLElement>(`[data-index="${index}"] ${ITEM_SELECTOR}`);
  item?.focus({ preventScroll: true });
  return item !== null && item !== undefined;
}

/** Every row in the DOM: pages of the list, or a short "Load more" list. */
export function PlainRows({ programs, renderRow }: RowsProps): ReactNode {
  const { messages } = useComponentService('RecordingList');
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = nextIndex(event, programs.length);
    if (next === undefined) return;
    const item = event.currentTarget.querySelector<HTMLElement>(`[data-index="${next}"] ${ITEM_SELECTOR}`);
    item?.focus();
  };
  return (
    <ul className="rrs-list__items" aria-label={messages.recordings} onKeyDown={onKeyDown}>
      {programs.map((program, index) => (
        <li key={program.id ?? index} className="rrs-list__row" data-index={index}>
          {renderRow(program, index)}
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link VirtualRows}. */
export interface VirtualRowsProps extends RowsProps {
  /** How many recordings the whole list has (loaded or not), for `aria-setsize`. */
  total: number;
  /** Height a row is assumed to have until it is measured, in px. */
  estimatedItemSize: number;
  /** Called when the user has scrolled to the last loaded row. */
  onEndReached: () => void;
  /** Whether the rows can take the focus (else the scrolling box takes it, to scroll with the keyboard). */
  focusableRows: boolean;
}

// A layout effect in the browser (the focus moves before paint); none on the server, where React 18 warns.
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

const OVERSCAN = 5;
const ROW_GAP = 4;
// jsdom and hidden boxes have no layout: size the window as a 600 px box rather than as nothing.
const NO_LAYOUT: Rect = { width: 0, height: 600 };

/**
 * Only the rows in view plus a few on each side are in the DOM, absolutely placed in a list as tall as all the
 * rows; the focused row stays mounted wherever the list scrolls, so the keyboard focus is never lost, and the
 * arrow keys, Home and End scroll to the row they move to. The scrolling box has `data-scrolling` while the
 * user scrolls (to style it, e.g. to turn hover effects off).
 */
export function VirtualRows({
  programs,
  renderRow,
  total,
  estimatedItemSize,
  onEndReached,
  focusableRows,
}: VirtualRowsProps): ReactNode {
  const { messages } = useComponentService('RecordingList');
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The row holding the focus (or about to): always rendered, even when scrolled out of view.
  const [kept, setKept] = useState<number>();
  const pendingFocus = useRef<number | null>(null);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (kept === undefined || kept >= range.count || indexes.includes(kept)) return indexes;
      return [...indexes, kept].sort((a, b) => a - b);
    },
    [kept],
  );

  const virtualizer = useVirtualizer({
    count: programs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedItemSize,
    getItemKey: (index) => programs[index]?.id ?? index,
    overscan: OVERSCAN,
    gap: ROW_GAP,
    rangeExtractor,
    initialRect: NO_LAYOUT,
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : NO_LAYOUT)),
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || estimatedItemSize,
  });

  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  const scrolled = (virtualizer.scrollOffset ?? 0) > 0;
  useEffect(() => {
    if (scrolled && lastShown >= programs.length - 1) onEndReached();
  });

  useBrowserLayoutEffect(() => {
    if (pendingFocus.current !== null && focusItem(listRef.current, pendingFocus.current)) pendingFocus.current = null;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = nextIndex(event, programs.length);
    if (next === undefined) return;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (focusItem(listRef.current, next)) return;
    pendingFocus.current = next;
    setKept(next);
  };

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const index = Number((event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index);
    if (Number.isInteger(index)) setKept(index);
  };

  return (
    <div
      ref={scrollRef}
      className="rrs-list__viewport"
      data-scrolling={virtualizer.isScrolling ? '' : undefined}
      {...(!focusableRows && { tabIndex: 0 })}
    >
      <ul
        ref={listRef}
        className="rrs-list__items rrs-list__items--virtual"
        aria-label={messages.recordings}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {rows.map((row) => (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            className="rrs-list__row"
            data-index={row.index}
            aria-setsize={total}
            aria-posinset={row.index + 1}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            <RowContent program={programs[row.index]!} index={row.index} renderRow={renderRow} />
          </li>
        ))}
      </ul>
    </div>
  );
}
