import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DeleteRecordingButton, RecordingList } from '../../components';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { expectAccessible, renderWithService, requestsTo, setupEmulator } from './harness';

const { emulator } = setupEmulator();
const ID = EMULATOR_PROGRAMS.publicRecording;

describe('DeleteRecordingButton', () => {
  it('should open a native modal dialog with the focus on Cancel, and give the focus back on Escape', async () => {
    const user = userEvent.setup();
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const { container } = renderWithService(<DeleteRecordingButton id={ID} />, { as: 'alice' });
    const trigger = await screen.findByRole('button', { name: 'Delete' });
    trigger.focus();
    await user.keyboard('{Enter}');

    const dialog = screen.getByRole('dialog', { name: 'Delete this recording?' });
    // A <dialog> opened with showModal(): the browser keeps the focus in it and makes the page inert.
    expect(dialog.tagName).toBe('DIALOG');
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeEnabled();
    await expectAccessible(container);

    // Escape makes the browser fire `cancel` on the open dialog (jsdom has no key handling for it).
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    expect(requestsTo(emulator(), `/programs/${ID}`, 'DELETE')).toHaveLength(0);
    showModal.mockRestore();
  });

  it('should take a ref and the props of its button', async () => {
    const ref = createRef<HTMLButtonElement>();
    renderWithService(<DeleteRecordingButton id={ID} ref={ref} className="mine" aria-describedby="why" />, {
      as: 'alice',
    });
    const trigger = await screen.findByRole('button', { name: 'Delete' });
    expect(ref.current).toBe(trigger);
    expect(trigger).toHaveClass('rrs-button', 'mine');
    expect(trigger).toHaveAttribute('aria-describedby', 'why');
  });

  it('should move a recording to the recycle bin and drop it from the list at once', async () => {
    const user = userEvent.setup();
    const onDeleted = vi.fn();
    renderWithService(
      <>
        <RecordingList params={{ query: 'Customer panel #4' }} />
        <DeleteRecordingButton id={ID} onDeleted={onDeleted} />
      </>,
      { as: 'alice' },
    );
    const name = emulator().state.programs.get(ID)!.name;
    expect(await screen.findByText(name)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith(ID));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(name)).not.toBeInTheDocument());
    expect(requestsTo(emulator(), `/programs/${ID}`, 'DELETE')[0]?.query.permanent).toBe('false');
    expect(emulator().state.programs.get(ID)?.deleted).toBe(true);
  });

  it('should delete permanently when asked to', async () => {
    const user = userEvent.setup();
    renderWithService(<DeleteRecordingButton id={ID} permanent />, { as: 'alice' });
    await user.click(await screen.findByRole('button', { name: 'Delete permanently' }));
    const dialog = screen.getByRole('dialog', { name: /permanently\? This cannot be undone/ });
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() => expect(emulator().state.programs.has(ID)).toBe(false));
    expect(requestsTo(emulator(), `/programs/${ID}`, 'DELETE')[0]?.query.permanent).toBe('true');
  });

  it('should show the refusal in the dialog and keep the recording', async () => {
    const user = userEvent.setup();
    renderWithService(<DeleteRecordingButton id={EMULATOR_PROGRAMS.allUsersOfBob} />, { as: 'carol' });
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You do not have access to this recording.');
    expect(emulator().state.programs.get(EMULATOR_PROGRAMS.allUsersOfBob)?.deleted).toBe(false);
  });
});
