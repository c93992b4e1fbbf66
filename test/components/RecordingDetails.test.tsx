import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RecordingDetails } from '../../components';
import { EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../../src/testing';
import { expectAccessible, renderWithService, requestsTo, setupEmulator } from './harness';

const { emulator } = setupEmulator();

describe('RecordingDetails', () => {
  it('should show the fields of a recording, its HTML-looking name as text, accessibly', async () => {
    const { container } = renderWithService(<RecordingDetails id={EMULATOR_PROGRAMS.htmlTitle} />);
    const heading = await screen.findByRole('heading', { level: 2, name: '<img src=x onerror=alert(1)>' });
    expect(heading).toBeInTheDocument();
    expect(container.querySelectorAll('img[onerror]')).toHaveLength(0);
    const fields = screen.getByRole('region', { name: '<img src=x onerror=alert(1)>' });
    expect(within(fields).getByText('Owner').nextSibling).toHaveTextContent('Alice Åberg');
    expect(within(fields).getByText('Access').nextSibling).toHaveTextContent('Everyone');
    expect(within(fields).getByText(/A title that looks like HTML/)).toBeInTheDocument();
    // A guest may not edit.
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await expectAccessible(container);
  });

  it('should say a recording does not exist, with a retry button', async () => {
    renderWithService(<RecordingDetails id="no-such-program" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This recording does not exist or was removed.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('should unlock a protected recording with its password, never echoing it', async () => {
    const user = userEvent.setup();
    const onUnlocked = vi.fn();
    const { container } = renderWithService(
      <RecordingDetails id={EMULATOR_PROGRAMS.pinProtected} onUnlocked={onUnlocked} />,
      { as: 'carol' },
    );
    const password = await screen.findByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    await expectAccessible(container);

    await user.type(password, '0000{Enter}');
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(password).toHaveValue('');

    await user.type(password, `${EMULATOR_PROGRAM_PIN}{Enter}`);
    await waitFor(() => expect(onUnlocked).toHaveBeenCalledWith(EMULATOR_PROGRAM_PIN));
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Thumbnail of/ })).toBeInTheDocument();
    expect(container.innerHTML).not.toContain(EMULATOR_PROGRAM_PIN);
    expect(requestsTo(emulator(), /\/authorize\/$/, 'POST')).toHaveLength(2);
  });

  it('should let the owner edit a recording inline, sending only the changed field', async () => {
    const user = userEvent.setup();
    renderWithService(<RecordingDetails id={EMULATOR_PROGRAMS.publicRecording} />, { as: 'alice' });
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Renamed recording');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Renamed recording' })).toBeInTheDocument();
    const put = requestsTo(emulator(), `/programs/${EMULATOR_PROGRAMS.publicRecording}`, 'PUT');
    expect(put).toHaveLength(1);
    expect(emulator().state.programs.get(EMULATOR_PROGRAMS.publicRecording)?.name).toBe('Renamed recording');
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
  });

  it('should move the focus into the editor and back to Edit when it closes', async () => {
    const user = userEvent.setup();
    renderWithService(<RecordingDetails id={EMULATOR_PROGRAMS.publicRecording} />, { as: 'alice' });
    (await screen.findByRole('button', { name: 'Edit' })).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
    expect(requestsTo(emulator(), `/programs/${EMULATOR_PROGRAMS.publicRecording}`, 'PUT')).toHaveLength(0);
  });

  it('should let the owner delete a recording after confirming', async () => {
    const user = userEvent.setup();
    const onDeleted = vi.fn();
    renderWithService(<RecordingDetails id={EMULATOR_PROGRAMS.publicRecording} onDeleted={onDeleted} />, {
      as: 'alice',
    });
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this recording?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith(EMULATOR_PROGRAMS.publicRecording));
    expect(emulator().state.programs.get(EMULATOR_PROGRAMS.publicRecording)?.deleted).toBe(true);
  });
});
