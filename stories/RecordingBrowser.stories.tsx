import type { Meta, StoryObj } from '@storybook/react-vite';
import { RecordingBrowser } from '../components';
import { emulatorParameters, slowServer, failingPrograms } from '../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs } from './support';

const meta = {
  title: 'Components/RecordingBrowser',
  component: RecordingBrowser,
  args: { pageSize: 10 },
} satisfies Meta<typeof RecordingBrowser>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A guest browses the public recordings. */
export const Guest: Story = {};

/** alice browses, with edit and delete on her own recordings. */
export const SignedIn: Story = { decorators: [signedInAs('alice')] };

/** Opened on a protected recording (password 1234). */
export const Locked: Story = {
  args: { initialSelectedId: EMULATOR_PROGRAMS.pinProtected },
  decorators: [signedInAs('carol')],
};

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  parameters: slowServer(),
};

/** No recordings. */
export const Empty: Story = { parameters: emulatorParameters({ seed: 'empty' }) };

/** The list fails with 503. */
export const Error: Story = {
  parameters: failingPrograms(),
};

/** 10,000 recordings. */
export const Many: Story = { parameters: emulatorParameters({ seed: 'many' }) };
