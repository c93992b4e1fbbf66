import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RecycleBin } from '../../components';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { expectAccessible, renderWithService, setupEmulator } from './harness';

const { emulator } = setupEmulator();
const ID = EMULATOR_PROGRAMS.deletedOfAlice;
const nameOf = (id: string) => emulator().state.programs.get(id)!.name;
const rowOf = (name: string) => screen.getByRole('group', { name });

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

  it('should say so when the bin is empty', async () => {
    renderWithService(<RecycleBin />, { as: 'carol' });
    expect(await screen.findByText('The recycle bin is empty.')).toBeInTheDocument();
  });
});
