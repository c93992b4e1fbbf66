import { screen, waitFor } from '@testing-library/react';
import { createRef, type ReactElement, type RefObject } from 'react';
import { describe, expect, it } from 'vitest';
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
} from '../../components';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { renderWithService, setupEmulator } from './harness';

setupEmulator();

const ID = EMULATOR_PROGRAMS.publicRecording;

/** Each component with a ref, a class and two more props of its root, and the root element it should have. */
const cases: Array<[string, string, (ref: RefObject<never>) => ReactElement]> = [
  ['SessionStatus', 'DIV', (ref) => <SessionStatus ref={ref} {...rootProps} />],
  ['RecordingList', 'DIV', (ref) => <RecordingList ref={ref} {...rootProps} />],
  ['RecordingFilters', 'FORM', (ref) => <RecordingFilters ref={ref} value={{}} onChange={() => {}} {...rootProps} />],
  ['DeleteRecordingButton', 'BUTTON', (ref) => <DeleteRecordingButton ref={ref} id={ID} {...rootProps} />],
  ['RecordingEditor', 'FORM', (ref) => <RecordingEditor ref={ref} id={ID} {...rootProps} />],
  ['RecordingDetails', 'SECTION', (ref) => <RecordingDetails ref={ref} id={ID} {...rootProps} />],
  ['RecordingPlayer', 'DIV', (ref) => <RecordingPlayer ref={ref} id={ID} {...rootProps} />],
  ['RecordingBrowser', 'DIV', (ref) => <RecordingBrowser ref={ref} {...rootProps} />],
  ['BroadcastSchedule', 'SECTION', (ref) => <BroadcastSchedule ref={ref} {...rootProps} />],
  ['RecordingQA', 'SECTION', (ref) => <RecordingQA ref={ref} programId={EMULATOR_PROGRAMS.liveNow} {...rootProps} />],
  ['RecycleBin', 'SECTION', (ref) => <RecycleBin ref={ref} {...rootProps} />],
  ['AccessReportTable', 'DIV', (ref) => <AccessReportTable ref={ref} {...rootProps} />],
  ['ViewerReport', 'SECTION', (ref) => <ViewerReport ref={ref} programId={ID} {...rootProps} />],
];

const rootProps = { className: 'app-class', lang: 'en-GB', 'aria-describedby': 'app-help' } as const;

describe('components for reuse', () => {
  it.each(cases)(
    '%s should forward its ref to its root <%s> and spread the rest of its props on it',
    async (_name, tag, element) => {
      const ref = createRef<never>() as RefObject<HTMLElement | null>;
      renderWithService(
        <>
          <p id="app-help">Help text of the app</p>
          {element(ref as RefObject<never>)}
        </>,
        { as: 'alice' },
      );
      await waitFor(() => expect(ref.current).not.toBeNull());
      const root = ref.current!;
      expect(root.tagName).toBe(tag);
      expect(root.className).toMatch(/(^| )rrs-[a-z]+( |$)/);
      expect(root).toHaveClass('app-class');
      expect(root).toHaveAttribute('lang', 'en-GB');
      expect(root).toHaveAccessibleDescription('Help text of the app');
      expect(screen.getByText('Help text of the app')).toBeInTheDocument();
    },
  );
});
