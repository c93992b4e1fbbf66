import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RecordingQA } from '../../components';
import { EMULATOR_MODERATOR_PIN, EMULATOR_PROGRAMS } from '../../src/testing';
import { expectAccessible, renderWithService, setupEmulator } from './harness';

const { emulator } = setupEmulator();
const ID = EMULATOR_PROGRAMS.liveNow;
const messagesOf = (sessionId: string) => emulator().state.chatSessions.get(sessionId)?.messages ?? [];

describe('RecordingQA', () => {
  it('should let a viewer open a session and ask a question, accessibly', async () => {
    const user = userEvent.setup();
    const { container } = renderWithService(<RecordingQA programId={ID} />);
    await expectAccessible(container);
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Dana');
    await user.click(screen.getByRole('button', { name: 'Start asking' }));

    const field = await screen.findByRole('textbox', { name: 'Ask a question' });
    expect(screen.getByText('No questions yet.')).toBeInTheDocument();
    await user.type(field, 'Where are the <i>slides</i>?');
    expect(field).toHaveAccessibleDescription('28 / 1024 characters');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const log = screen.getByRole('log', { name: 'Questions' });
    expect(await within(log).findByText('Where are the <i>slides</i>?')).toBeInTheDocument();
    expect(field).toHaveValue('');
    const sessionId = [...emulator().state.chatSessions.values()].find((s) => s.initiatorName === 'Dana')?.sessionId;
    await waitFor(() => expect(messagesOf(sessionId!).map((m) => m.message)).toEqual(['Where are the <i>slides</i>?']));
    expect(messagesOf(sessionId!)[0]).toMatchObject({ type: 'QUESTION', senderDisplayName: 'Dana' });
    await waitFor(() => expect(within(log).queryByText('Sending…')).not.toBeInTheDocument());
    await expectAccessible(container);
  });

  it('should count characters and refuse a message over 1024', async () => {
    const user = userEvent.setup();
    renderWithService(<RecordingQA programId={ID} />, { as: 'carol' });
    expect(await screen.findByRole('textbox', { name: 'Your name' })).toHaveValue('carol');
    await user.click(screen.getByRole('button', { name: 'Start asking' }));
    const field = await screen.findByRole('textbox', { name: 'Ask a question' });
    await user.click(field);
    await user.paste('x'.repeat(1025));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/^1025 \/ 1024 characters A message can have at most 1024 characters\.$/);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.keyboard('{Backspace}');
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
  });

  it('should let a moderator see the sessions, read them as text and answer, never showing the PIN', async () => {
    const user = userEvent.setup();
    const { container } = renderWithService(<RecordingQA programId={ID} moderatorPin={EMULATOR_MODERATOR_PIN} />);
    const session = await screen.findByRole('button', { name: /Carol Díaz.*1 unanswered/ });
    await user.click(session);
    const log = screen.getByRole('log', { name: 'Questions' });
    expect(await within(log).findByText('Is there a recording? <b>bold?</b>')).toBeInTheDocument();
    expect(within(log).getByText('Yes, after the broadcast.')).toBeInTheDocument();
    await expectAccessible(container);

    await user.type(screen.getByRole('textbox', { name: 'Answer' }), 'Yes, tomorrow.');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(messagesOf('s-seed-1').at(-1)).toMatchObject({ type: 'RESPONSE', message: 'Yes, tomorrow.' }),
    );
    expect(container.innerHTML).not.toContain(EMULATOR_MODERATOR_PIN);
  });

  it('should refuse a wrong moderator PIN with an explanation', async () => {
    renderWithService(<RecordingQA programId={ID} moderatorPin="0000" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('You do not have access');
  });
});
