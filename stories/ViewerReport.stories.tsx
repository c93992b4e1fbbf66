import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ViewerReport } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/ViewerReport',
  component: ViewerReport,
  args: { programId: EMULATOR_PROGRAMS.publicRecording, params: { range: 'ALL' } },
  parameters: {
    usage: `
import { ViewerReport } from 'react-recording-service/components';

// Totals (all, registered, guests) and who watched one program, for its owner or an admin.
<ViewerReport programId={programId} params={{ range: 'LAST_MONTH' }} />
`,
  },
} satisfies Meta<typeof ViewerReport>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The admin sees the program's viewers. */
export const SignedIn: Story = { decorators: [signedInAs('admin')] };

/** Nobody watched. */
export const Empty: Story = {
  decorators: [signedInAs('admin')],
  parameters: emulatorParameters({
    seed: { programs: [{ id: EMULATOR_PROGRAMS.publicRecording, name: 'Unwatched' }] },
  }),
};

/** Reports fail with 503. */
export const Error: Story = {
  decorators: [signedInAs('admin')],
  parameters: emulatorParameters({ faults: { rules: [{ kind: 'error', status: 503, path: '/reports' }] } }),
};

/** A guest is asked to sign in. */
export const Guest: Story = {};

/** The admin changes the period to the last day. */
export const ChangePeriod: Story = {
  ...SignedIn,
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await canvas.findByText(labels.totalViews);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: labels.range }), labels.ranges.LAST_DAY);
    await waitFor(() =>
      expect(
        canvas.queryByRole('table', { name: (name) => name.includes(labels.ranges.LAST_DAY) }) ??
          canvas.queryByText(labels.noViews),
      ).not.toBeNull(),
    );
  },
};
