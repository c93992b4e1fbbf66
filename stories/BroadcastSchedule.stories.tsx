import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BroadcastSchedule } from '../components';
import { emulatorParameters, slowServer } from '../.storybook/emulator';
import { signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/BroadcastSchedule',
  component: BroadcastSchedule,
  parameters: {
    usage: `
import { BroadcastSchedule } from 'react-recording-service/components';

// Tabs: on air now (refreshed every 30 s), today, upcoming, all.
<BroadcastSchedule initialWhen="now" onSelect={(program) => openBroadcast(program.id)} />
`,
  },
} satisfies Meta<typeof BroadcastSchedule>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A guest: the public broadcasts on air now. */
export const Guest: Story = {};

/** The admin sees every broadcast; starts on "Upcoming". */
export const SignedIn: Story = { args: { initialWhen: 'future' }, decorators: [signedInAs('admin')] };

/** Nothing scheduled. */
export const Empty: Story = { parameters: emulatorParameters({ seed: 'empty' }) };

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  parameters: slowServer(),
};

/** The broadcast lists fail with 503. */
export const Error: Story = {
  parameters: emulatorParameters({ faults: { rules: [{ kind: 'error', status: 503, path: '/live' }] } }),
};

/** The admin moves between the tabs with the mouse and with the arrow keys (roving focus, wrapping). */
export const SwitchTabs: Story = {
  ...SignedIn,
  args: { initialWhen: 'now' },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const tab = (name: string) => canvas.getByRole('tab', { name });
    await canvas.findByRole('tab', { name: labels.now });
    await userEvent.click(tab(labels.upcoming));
    await expect(tab(labels.upcoming)).toHaveAttribute('aria-selected', 'true');
    await within(canvas.getByRole('tabpanel')).findAllByRole('listitem');
    await userEvent.keyboard('{ArrowRight}');
    await expect(tab(labels.allBroadcasts)).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(tab(labels.now)).toHaveFocus();
    await waitFor(() => expect(tab(labels.now)).toHaveAttribute('aria-selected', 'true'));
  },
};
