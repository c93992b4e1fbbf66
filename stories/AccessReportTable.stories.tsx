import type { Meta, StoryObj } from '@storybook/react-vite';
import { AccessReportTable } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs } from './support';

const meta = {
  title: 'Components/AccessReportTable',
  component: AccessReportTable,
  args: { params: { range: 'ALL' } },
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
