'use client';

import {
  forwardRef,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useBroadcasts } from '../../hooks/useBroadcasts';
import { useComponentService } from '../internal/useComponentService';
import type { RecordingServiceMessages } from '../../src/react/messages';
import type { BroadcastParams, BroadcastWhen, Program } from '../../src/core/types';
import { cx, nameOf } from '../internal/format';
import { ServerDate } from '../internal/ServerDate';
import { Empty, ErrorMessage, Loading } from '../internal/QueryStatus';

/** Props of {@link BroadcastSchedule}. */
export interface BroadcastScheduleProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'onSelect'> {
  /** The tab shown first. Defaults to `'now'`. */
  initialWhen?: BroadcastWhen;
  /** Filters and paging of every tab's list (`query`, `category`, `ownerId`, `count`...). */
  params?: BroadcastParams;
  /** Makes each broadcast a button calling this. */
  onSelect?: (program: Program) => void;
  /** Extra class names on the root `<section>` (which also takes `ref` and any other `<section>` prop). */
  className?: string;
}

const TABS: ReadonlyArray<[BroadcastWhen, keyof RecordingServiceMessages]> = [
  ['now', 'now'],
  ['today', 'today'],
  ['future', 'upcoming'],
  ['all', 'allBroadcasts'],
];

function Broadcasts({
  when,
  params,
  onSelect,
}: { when: BroadcastWhen } & Pick<BroadcastScheduleProps, 'params' | 'onSelect'>): ReactNode {
  const { messages } = useComponentService('BroadcastSchedule');
  const { data, error, isPending, refetch } = useBroadcasts(when, params);
  if (isPending) return <Loading />;
  if (!data) return <ErrorMessage error={error ?? new Error(messages.error)} onRetry={() => void refetch()} />;
  if (data.items.length === 0) return <Empty>{messages.noBroadcasts}</Empty>;
  return (
    <ul className="rrs-schedule__items">
      {data.items.map((program, index) => {
        const name = nameOf(program, messages.untitled);
        const body = (
          <>
            <span className="rrs-list__name">{name}</span>
            <span className="rrs-list__meta">
              {program.started ? <span className="rrs-badge rrs-badge--live">{messages.live}</span> : null}
              {program.startDate ? (
                <span>
                  {messages.starts}: <ServerDate value={program.startDate} />
                </span>
              ) : null}
              {program.started && program.currentViewerCount !== undefined ? (
                <span>{messages.watching(program.currentViewerCount)}</span>
              ) : null}
              {program.ownerDisplayName || program.owner ? (
                <span>{program.ownerDisplayName ?? program.owner}</span>
              ) : null}
            </span>
          </>
        );
        return (
          <li key={program.id ?? index} className="rrs-list__item">
            {onSelect ? (
              <button type="button" className="rrs-list__select" onClick={() => onSelect(program)}>
                {body}
              </button>
            ) : (
              <span className="rrs-list__body">{body}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Live broadcasts in four tabs: on air now, today, upcoming, and all. The tabs follow the WAI-ARIA tabs
 * pattern (one tab stop; Left/Right, Home and End move and select). "Now" refreshes itself every 30 s.
 *
 * @example
 * <BroadcastSchedule initialWhen="today" onSelect={(p) => open(p.id)} />
 */
export const BroadcastSchedule = forwardRef<HTMLElement, BroadcastScheduleProps>(function BroadcastSchedule(
  { initialWhen = 'now', params, onSelect, className, ...rest },
  ref,
) {
  const { messages } = useComponentService('BroadcastSchedule');
  const [when, setWhen] = useState<BroadcastWhen>(initialWhen);
  const tabsRef = useRef<HTMLDivElement>(null);
  const ids = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex(([tab]) => tab === when);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next === -1) return;
    event.preventDefault();
    setWhen(TABS[next]![0]);
    tabsRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <section aria-labelledby={`${ids}-title`} {...rest} ref={ref} className={cx('rrs-schedule', className)}>
      <h2 id={`${ids}-title`} className="rrs-heading">
        {messages.broadcasts}
      </h2>
      <div ref={tabsRef} role="tablist" aria-labelledby={`${ids}-title`} className="rrs-tabs" onKeyDown={onKeyDown}>
        {TABS.map(([tab, label]) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`${ids}-tab-${tab}`}
            className="rrs-tabs__tab"
            aria-selected={tab === when}
            aria-controls={`${ids}-panel`}
            tabIndex={tab === when ? 0 : -1}
            onClick={() => setWhen(tab)}
          >
            {messages[label] as string}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${ids}-panel`}
        aria-labelledby={`${ids}-tab-${when}`}
        className="rrs-tabs__panel"
        tabIndex={0}
      >
        <Broadcasts when={when} params={params} onSelect={onSelect} />
      </div>
    </section>
  );
});
