import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RecordingBrowser } from '../../components';
import { EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../../src/testing';
import { expectAccessible, renderWithService, requestsTo, setupEmulator } from './harness';

const { emulator } = setupEmulator();
const list = () => screen.getByRole('list', { name: 'Recordings' });

describe('RecordingBrowser', () => {
  it('should search, open a recording with the keyboard and show its details and player, accessibly', async () => {
    const user = userEvent.setup();
    const { container } = renderWithService(<RecordingBrowser />);
    await screen.findByText(/^Showing 1-10 of/);
    expect(screen.getByText('Select a recording to see its details.')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'onerror{Enter}');
    await waitFor(() => expect(within(list()).getAllByRole('listitem')).toHaveLength(1));
    within(list()).getByRole('button').focus();
    await user.keyboard('{Enter}');

    const heading = await screen.findByRole('heading', { level: 2, name: '<img src=x onerror=alert(1)>' });
    expect(heading).toHaveFocus();
    // Opened from the fresh list: no second request for the program.
    expect(requestsTo(emulator(), `/programs/${EMULATOR_PROGRAMS.htmlTitle}`)).toHaveLength(0);
    expect(
      await screen.findByLabelText('Video: <img src=x onerror=alert(1)>', { selector: 'video' }),
    ).toBeInTheDocument();
    expect(container.querySelectorAll('img[onerror]')).toHaveLength(0);
    await expectAccessible(container);
  });

  it('should unlock a protected recording and hand the password to the player only', async () => {
    const user = userEvent.setup();
    const { container } = renderWithService(<RecordingBrowser initialSelectedId={EMULATOR_PROGRAMS.pinProtected} />, {
      as: 'carol',
    });
    await user.type(await screen.findByLabelText('Password'), `${EMULATOR_PROGRAM_PIN}{Enter}`);
    expect(await screen.findByLabelText(/^Video: /, { selector: 'video' })).toBeInTheDocument();
    expect(requestsTo(emulator(), `/programs/${EMULATOR_PROGRAMS.pinProtected}/url`, 'POST')).toHaveLength(1);
    expect(container.innerHTML).not.toContain(EMULATOR_PROGRAM_PIN);
  });

  it('should let the owner delete the open recording, then put the focus on the placeholder', async () => {
    const user = userEvent.setup();
    const id = EMULATOR_PROGRAMS.publicRecording;
    renderWithService(<RecordingBrowser initialSelectedId={id} />, { as: 'alice' });
    const name = emulator().state.programs.get(id)!.name;
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Select a recording to see its details.')).toHaveFocus();
    await waitFor(() => expect(within(list()).queryByText(name)).not.toBeInTheDocument());
    expect(emulator().state.programs.get(id)?.deleted).toBe(true);
  });

  it('should filter by category', async () => {
    const user = userEvent.setup();
    renderWithService(<RecordingBrowser />);
    await screen.findByText(/^Showing 1-10 of/);
    await screen.findByRole('option', { name: 'Training' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'Training');
    await waitFor(() =>
      expect(requestsTo(emulator(), '/api/manager/programs').at(-1)?.query.category).toBe('c-training'),
    );
    const training = [...emulator().state.programs.values()].filter(
      (p) => p.categoryId === 'c-training' && p.accessMode === 'PUBLIC' && !p.deleted && !p.live,
    );
    expect(training.length).toBeGreaterThan(0);
    expect(await screen.findByText(`Showing 1-${training.length} of ${training.length}`)).toBeInTheDocument();
  });
});
