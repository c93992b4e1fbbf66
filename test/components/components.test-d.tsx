import { createRef, type ReactNode } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import {
  AccessReportTable,
  BroadcastSchedule,
  DeleteRecordingButton,
  RecordingBrowser,
  RecordingDetails,
  RecordingEditor,
  RecordingFilters,
  RecordingList,
  RecordingPlayer,
  RecordingQA,
  RecycleBin,
  SessionStatus,
  ViewerReport,
  type RecordingFiltersProps,
  type RecordingFiltersValue,
  type RecordingListItem,
  type RecordingListProps,
} from '../../components';
import type { Program, RecordingListParams } from '../../src/core/types';

describe('component props', () => {
  it('should render to a ReactNode and accept className', () => {
    expectTypeOf(RecordingBrowser).returns.toEqualTypeOf<ReactNode>();
    expectTypeOf(RecordingList).parameter(0).toHaveProperty('className').toEqualTypeOf<string | undefined>();
    expectTypeOf(SessionStatus).parameter(0).toHaveProperty('className').toEqualTypeOf<string | undefined>();
  });

  it('should take the params of the client', () => {
    expectTypeOf<RecordingListProps['params']>().toEqualTypeOf<RecordingListParams | undefined>();
    expectTypeOf<RecordingListProps['onSelect']>().toEqualTypeOf<((program: Program) => void) | undefined>();
    expectTypeOf<RecordingFiltersValue>().toEqualTypeOf<Pick<RecordingListParams, 'query' | 'category' | 'orderBy'>>();
  });

  it('should require the data props', () => {
    // @ts-expect-error the program id is required
    void (<RecordingDetails />);
    // @ts-expect-error the program id is required
    void (<RecordingEditor />);
    // @ts-expect-error the program id is required
    void (<RecordingPlayer />);
    // @ts-expect-error the program id is required
    void (<DeleteRecordingButton />);
    // @ts-expect-error the program id is required
    void (<RecordingQA />);
    // @ts-expect-error the program id is required
    void (<ViewerReport />);
    // @ts-expect-error controlled: value and onChange are required
    void (<RecordingFilters />);
    void (<RecordingPlayer id="p-1" password="1234" />);
    void (<BroadcastSchedule initialWhen="today" />);
    void (<AccessReportTable params={{ range: 'LAST_WEEK' }} />);
    void (<RecycleBin />);
    // @ts-expect-error not a broadcast window
    void (<BroadcastSchedule initialWhen="yesterday" />);
  });

  it('should take a ref to their root element and the rest of its props, their own props winning', () => {
    void (<RecordingList ref={createRef<HTMLDivElement>()} aria-describedby="help" onScroll={() => {}} />);
    void (<RecordingDetails id="p-1" ref={createRef<HTMLElement>()} lang="de" />);
    void (<DeleteRecordingButton id="p-1" ref={createRef<HTMLButtonElement>()} disabled />);
    void (<RecordingFilters value={{}} onChange={() => {}} ref={createRef<HTMLFormElement>()} />);
    // @ts-expect-error the root of RecordingFilters is a <form>
    void (<RecordingFilters value={{}} onChange={() => {}} ref={createRef<HTMLTableElement>()} />);
    // @ts-expect-error the root's children are the component's own
    void (<SessionStatus>text</SessionStatus>);
    expectTypeOf<RecordingFiltersProps['onChange']>().toEqualTypeOf<(value: RecordingFiltersValue) => void>();
    expectTypeOf<RecordingListProps['renderItem']>().toEqualTypeOf<
      ((item: RecordingListItem) => ReactNode) | undefined
    >();
  });
});
