import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { RecycleBin } from '../../components';
import { EMULATOR_PROGRAMS, TEST_RECORDING_BASE_URL } from '../../src/testing';
import { expectAccessible, renderWithService, setupEmulator } from './harness';

const { emulator, server } = setupEmulator();
const ID = EMULATOR_PROGRAMS.deletedOfAlice;
const nameOf = (id: string) => emulator().state.programs.get(id)!.name;
const rowOf = (name: string) => screen.getByRole('group', { name });

/**
 * Holds every PUT until `release()`, then lets the emulator answer it: the optimistic state (the row out of
 * the bin) is on screen for as long as the test needs, whatever the machine's speed.
 */
function holdRestores(): { release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // Returning nothing hands the request on to the emulator's handler.
  server.use(http.put(`${TEST_RECORDING_BASE_URL}/*`, () => released.then(() => undefined)));
  return { release };
}

describe('RecycleBin', () => {
  it("should list the user's deleted recordings with restore and delete, accessibly", async () => {
    const { container } = renderWithService(<RecycleBin ownerId="alice" />, { as: 'alice' });
    const name = nameOf(ID);
    expect(await screen.findByText(name)).toBeInTheDocument();
    expect(within(rowOf(name)).getByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(within(rowOf(name)).getByRole('button', { name: 'Delete permanently' })).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('should restore a recording: it leaves the bin and is no longer deleted', async () => {
    const user = userEvent.setup();
    renderWithService(<RecycleBin ownerId="alice" />, { as: 'alice' });
    const name = nameOf(ID);
    await screen.findByText(name);
    await user.click(within(rowOf(name)).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByText(name)).not.toBeInTheDocument());
    expect(emulator().state.programs.get(ID)?.deleted).toBe(false);
    expect(screen.getByRole('heading', { name: 'Recycle bin' })).toHaveFocus();
  });

  it('should delete a recording permanently after confirming', async () => {
    const user = userEvent.setup();
    renderWithService(<RecycleBin ownerId="alice" />, { as: 'alice' });
    const name = nameOf(ID);
    await screen.findByText(name);
    await user.click(within(rowOf(name)).getByRole('button', { name: 'Delete permanently' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() => expect(screen.queryByText(name)).not.toBeInTheDocument());
    expect(emulator().state.programs.has(ID)).toBe(false);
  });

  it('should show the refusal when restoring is not possible and keep the recording listed', async () => {
    const user = userEvent.setup();
    renderWithService(<RecycleBin ownerId="alice" />, { as: 'alice' });
    const name = nameOf(ID);
    await screen.findByText(name);
    emulator().setFaults({ rules: [{ kind: 'error', status: 503, method: 'PUT' }] });
    await user.click(within(rowOf(name)).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('503');
    expect(screen.getByText(name)).toBeInTheDocument();
    expect(emulator().state.programs.get(ID)?.deleted).toBe(true);
  });

  it('should keep the error of a failed restore once the row, gone meanwhile, comes back', async () => {
    const user = userEvent.setup();
    const { container } = renderWithService(<RecycleBin ownerId="alice" />, { as: 'alice' });
    const name = nameOf(ID);
    await screen.findByText(name);
    emulator().setFaults({ rules: [{ kind: 'error', status: 503, method: 'PUT' }] });
    const { release } = holdRestores();
    await user.click(within(rowOf(name)).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByRole('group', { name })).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { name: 'Recycle bin' })).toHaveFocus();
    release();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    expect(alert).toHaveTextContent('503');
    expect(rowOf(name)).toBeVisible();
    expect(rowOf(name).closest('li')).toContainElement(alert);
    expect(emulator().state.programs.get(ID)?.deleted).toBe(true);
    await expectAccessible(container);

    emulator().setFaults({ rules: [] });
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByText(name)).not.toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(emulator().state.programs.get(ID)?.deleted).toBe(false);
  });

  it('should show a failed restore at the top of the bin while its row is not on the page, then by the row', async () => {
    const user = userEvent.setup();
    renderWithService(<RecycleBin pageSize={1} />, { as: 'admin' });
    expect(await screen.findByText('Showing 1-1 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Showing 2-2 of 3')).toBeInTheDocument();
    const name = screen.getByRole('group').getAttribute('aria-label')!;
    emulator().setFaults({ rules: [{ kind: 'error', status: 503, method: 'PUT' }] });
    const { release } = holdRestores();
    await user.click(within(rowOf(name)).getByRole('button', { name: 'Restore' }));
    // Its page is empty now: the bin goes back to the first one.
    expect(await screen.findByText(/^Showing 1-1 of/)).toBeInTheDocument();
    release();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('503');
    expect(alert.closest('li')).toBeNull();
    expect(screen.queryByRole('group', { name })).not.toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(rowOf(name).closest('li')).toContainElement(screen.getByRole('alert')));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('should show why deleting for good failed and keep the recording in the bin', async () => {
    const user = userEvent.setup();
    renderWithService(<RecycleBin ownerId="alice" />, { as: 'alice' });
    const name = nameOf(ID);
    await screen.findByText(name);
    emulator().setFaults({ rules: [{ kind: 'error', status: 503, method: 'DELETE' }] });
    await user.click(within(rowOf(name)).getByRole('button', { name: 'Delete permanently' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('503');
    expect(rowOf(name)).toBeInTheDocument();
    expect(emulator().state.programs.has(ID)).toBe(true);
  });

  it('should say so when the bin is empty', async () => {
    renderWithService(<RecycleBin />, { as: 'carol' });
    expect(await screen.findByText('The recycle bin is empty.')).toBeInTheDocument();
  });
});
