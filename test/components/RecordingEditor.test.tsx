import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RecordingEditor } from '../../components';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { expectAccessible, renderWithService, requestsTo, setupEmulator } from './harness';

const { emulator } = setupEmulator();
const ID = EMULATOR_PROGRAMS.publicRecording;

describe('RecordingEditor', () => {
  it('should fill the form from the recording, accessibly', async () => {
    const { container } = renderWithService(<RecordingEditor id={ID} />, { as: 'alice' });
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue(emulator().state.programs.get(ID)?.name);
    expect(screen.getByRole('combobox', { name: 'Access' })).toHaveDisplayValue('Everyone');
    expect(screen.getByRole('checkbox', { name: 'Public' })).toBeChecked();
    expect(screen.getByLabelText('New password')).toHaveAttribute('type', 'password');
    await expectAccessible(container);
  });

  it('should send only the fields that changed and report success', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    renderWithService(<RecordingEditor id={ID} onSaved={onSaved} />, { as: 'alice' });
    await user.click(await screen.findByRole('checkbox', { name: 'Allow download' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Access' }), 'All signed-in users');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledTimes(1);
    const program = emulator().state.programs.get(ID);
    expect(program).toMatchObject({ accessMode: 'ALL_USERS', allowMediaDownload: false });
    expect(requestsTo(emulator(), `/programs/${ID}`, 'PUT')).toHaveLength(1);
  });

  it('should send nothing when no field changed', async () => {
    const user = userEvent.setup();
    renderWithService(<RecordingEditor id={ID} />, { as: 'alice' });
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(screen.getByText('Nothing to save: no field changed.')).toBeInTheDocument();
    expect(requestsTo(emulator(), `/programs/${ID}`, 'PUT')).toHaveLength(0);
  });

  it('should show the validation error next to its field, sending nothing', async () => {
    const user = userEvent.setup();
    const { container } = renderWithService(<RecordingEditor id={ID} />, { as: 'alice' });
    await user.clear(await screen.findByRole('textbox', { name: 'Name' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    // The client's own validation message, tied to the field.
    expect(name).toHaveAccessibleDescription(/\bname\b.*empty/);
    expect(requestsTo(emulator(), `/programs/${ID}`, 'PUT')).toHaveLength(0);
    await expectAccessible(container);
  });

  it('should show the server refusing, and keep the recording as it was', async () => {
    const user = userEvent.setup();
    renderWithService(<RecordingEditor id={EMULATOR_PROGRAMS.allUsersOfBob} />, { as: 'carol' });
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.type(name, ' (edited)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('You do not have access to this recording.')).toBeInTheDocument();
    expect(emulator().state.programs.get(EMULATOR_PROGRAMS.allUsersOfBob)?.name).not.toContain('(edited)');
  });
});
