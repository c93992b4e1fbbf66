import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useAccessReport, useProgramAccessReport, useProgramViewers, type ReportRange } from '../../hooks';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { signedInAs } from '../support';
import { HookInspector } from './Inspector';

const ID = EMULATOR_PROGRAMS.publicRecording;
const RANGES: ReportRange[] = ['LAST_DAY', 'LAST_WEEK', 'LAST_MONTH', 'LAST_YEAR', 'ALL'];

/** The three report hooks over one period. */
function ReportsDemo() {
  const [range, setRange] = useState<ReportRange>('ALL');
  const access = useAccessReport({ range });
  const program = useProgramAccessReport(ID, { range });
  const viewers = useProgramViewers(ID, { range });
  return (
    <HookInspector
      title={`useAccessReport({ range }), useProgramAccessReport('${ID}', { range }), useProgramViewers('${ID}', { range })`}
      result={{
        useAccessReport: {
          status: access.status,
          rows: access.data?.length,
          first: access.data?.[0],
          error: access.error,
        },
        useProgramAccessReport: { status: program.status, rows: program.data?.length, error: program.error },
        useProgramViewers: { status: viewers.status, data: viewers.data, error: viewers.error },
      }}
    >
      <label>
        range{' '}
        <select className="rrs-select" value={range} onChange={(event) => setRange(event.target.value as ReportRange)}>
          {RANGES.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
    </HookInspector>
  );
}

const meta = {
  title: 'Hooks/Reports',
  decorators: [signedInAs('admin')],
  render: () => <ReportsDemo />,
  parameters: {
    docs: {
      description: {
        component:
          '`useAccessReport(params)` (every view, admins), `useProgramAccessReport(programId, params)` and `useProgramViewers(programId, params)` (one program, its owner or an admin). A plain user gets a `forbidden` error.',
      },
    },
    usage: `
import { useAccessReport, useProgramViewers } from 'react-recording-service';

const { data: views } = useAccessReport({ range: 'LAST_MONTH' });
const { data: viewers } = useProgramViewers(programId, { range: 'ALL' });
`,
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The admin's reports; changing the period asks again. */
export const Admin: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    await waitFor(() => expect(result()).toHaveTextContent(/"useProgramViewers": \{\s*"status": "success"/));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'range' }), 'LAST_WEEK');
    await waitFor(() => expect(canvas.getByRole('region', { name: 'Request log' })).toHaveTextContent(/LAST_WEEK/));
  },
};

/** carol may not read reports: every hook ends in a `forbidden` error. */
export const Forbidden: Story = {
  decorators: [signedInAs('carol')],
};
