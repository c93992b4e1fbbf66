import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { RecordingQA } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { EMULATOR_MODERATOR_PIN, EMULATOR_PROGRAMS } from '../src/testing';
import { messagePattern, signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/RecordingQA',
  component: RecordingQA,
  args: { programId: EMULATOR_PROGRAMS.liveNow },
  parameters: {
    usage: `
import { RecordingQA } from 'react-recording-service/components';

<RecordingQA programId={broadcastId} />                              // viewers ask
<RecordingQA programId={broadcastId} moderatorPin={pin} pollMs={3000} /> // moderators answer
`,
  },
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

/** A guest gives a name, starts a session and asks a question; it shows in the conversation. */
export const Ask: Story = {
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await userEvent.type(await canvas.findByRole('textbox', { name: labels.yourName }), 'Storybook viewer');
    await userEvent.click(canvas.getByRole('button', { name: labels.startQuestions }));
    const question = await canvas.findByRole('textbox', { name: labels.askQuestion });
    await userEvent.type(question, 'Will there be a recording?');
    await userEvent.click(canvas.getByRole('button', { name: labels.send }));
    const log = canvas.getByRole('log', { name: labels.questions });
    await expect(await within(log).findByText('Will there be a recording?')).toBeVisible();
    await expect(question).toHaveValue('');
  },
};

/** The moderator opens the unanswered session and answers; the answer joins the conversation; the PIN never shows. */
export const Answer: Story = {
  ...Moderator,
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const unanswered = new RegExp(messagePattern(labels.unanswered, undefined).source.replace(/^\^|\$$/g, ''));
    const session = await canvas.findByRole('button', { name: unanswered });
    await userEvent.click(session);
    await userEvent.type(await canvas.findByRole('textbox', { name: labels.answer }), 'Yes, tomorrow.');
    await userEvent.click(canvas.getByRole('button', { name: labels.send }));
    const log = canvas.getByRole('log', { name: labels.questions });
    await expect(await within(log).findByText('Yes, tomorrow.')).toBeVisible();
    await expect(canvasElement.innerHTML).not.toContain(EMULATOR_MODERATOR_PIN);
  },
};
