import type { Meta, StoryObj } from '@storybook/react-vite';
import { RecordingQA } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { EMULATOR_MODERATOR_PIN, EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs } from './support';

const meta = {
  title: 'Components/RecordingQA',
  component: RecordingQA,
  args: { programId: EMULATOR_PROGRAMS.liveNow },
} satisfies Meta<typeof RecordingQA>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A guest asks questions on the broadcast on air now. */
export const Guest: Story = {};

/** carol asks, under her login. */
export const SignedIn: Story = { decorators: [signedInAs('carol')] };

/** A moderator (PIN 4321) sees the seeded session and answers. */
export const Moderator: Story = { args: { moderatorPin: EMULATOR_MODERATOR_PIN } };

/** A moderator of a broadcast nobody has asked about yet. */
export const Empty: Story = {
  args: { programId: 'p-qa', moderatorPin: EMULATOR_MODERATOR_PIN },
  parameters: emulatorParameters({
    seed: {
      programs: [
        {
          id: 'p-qa',
          name: 'Quiet broadcast',
          accessMode: 'PUBLIC',
          live: true,
          chatEnabled: true,
          moderatorPin: '4321',
        },
      ],
    },
  }),
};

/** A wrong moderator PIN. */
export const Error: Story = { args: { moderatorPin: '0000' } };
