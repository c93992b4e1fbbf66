import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccessReportTable } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/AccessReportTable',
  component: AccessReportTable,
  args: { params: { range: 'ALL' } },
  parameters: {
    usage: `
import { AccessReportTable } from 'react-recording-service/components';

// Every view (admins), or one program's views (its owner); the period can be changed in the table.
<AccessReportTable params={{ range: 'LAST_MONTH' }} />
<AccessReportTable programId={programId} params={{ range: 'ALL' }} />
`,
  },
} satisfies Meta<typeof AccessReportTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The admin sees every view. */
export const SignedIn: Story = { decorators: [signedInAs('admin')] };

/** One program's views, for its owner. */
export const OneProgram: Story = {
  args: { programId: EMULATOR_PROGRAMS.publicRecording },
  decorators: [signedInAs('alice')],
};

/** No views on the server. */
export const Empty: Story = { decorators: [signedInAs('admin')], parameters: emulatorParameters({ seed: 'empty' }) };

/** A plain user may not see reports. */
export const Forbidden: Story = { decorators: [signedInAs('carol')] };

/** A guest is asked to sign in. */
export const Guest: Story = {};

/** The admin narrows the report to the last week: the table's caption follows. */
export const ChangePeriod: Story = {
  ...SignedIn,
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await canvas.findByRole('table');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: labels.range }), labels.ranges.LAST_WEEK);
    await expect(canvas.getByRole('combobox', { name: labels.range })).toHaveValue('LAST_WEEK');
    // The week's views, or the empty state when nobody watched that week.
    await waitFor(() =>
      expect(
        canvas.queryByRole('table', { name: (name) => name.includes(labels.ranges.LAST_WEEK) }) ??
          canvas.queryByText(labels.noViews),
      ).not.toBeNull(),
    );
  },
};
