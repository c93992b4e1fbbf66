import type { Meta, StoryObj } from '@storybook/react-vite';
import { ViewerReport } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs } from './support';

const meta = {
  title: 'Components/ViewerReport',
  component: ViewerReport,
  args: { programId: EMULATOR_PROGRAMS.publicRecording, params: { range: 'ALL' } },
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
