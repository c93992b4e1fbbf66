import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BroadcastSchedule } from '../../components';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { expectAccessible, renderWithService, requestsTo, setupEmulator } from './harness';

const { emulator, useEmulator } = setupEmulator();
const nameOf = (id: string) => emulator().state.programs.get(id)!.name;

describe('BroadcastSchedule', () => {
  it('should show what is on air now, accessibly', async () => {
    const { container } = renderWithService(<BroadcastSchedule />);
    const panel = screen.getByRole('tabpanel', { name: 'On air now' });
    expect(await within(panel).findByText(nameOf(EMULATOR_PROGRAMS.liveNow))).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'On air now' })).toHaveAttribute('aria-selected', 'true');
    expect(requestsTo(emulator(), '/programs/live/now')[0]?.query.timezoneOffset).toBe(
      String(new Date().getTimezoneOffset()),
    );
    await expectAccessible(container);
  });

  it('should move between tabs with the arrow keys, Home and End, with one tab stop', async () => {
    const user = userEvent.setup();
    // Local noon, so that "30 minutes from now" is still today.
    const noon = new Date(2026, 5, 15, 12).getTime();
    useEmulator({ now: () => noon });
    renderWithService(<BroadcastSchedule />, { as: 'admin' });
    await screen.findByText(nameOf(EMULATOR_PROGRAMS.liveNow));
    await user.tab();
    expect(screen.getByRole('tab', { name: 'On air now' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const today = screen.getByRole('tab', { name: 'Today' });
    expect(today).toHaveFocus();
    expect(today).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText(nameOf(EMULATOR_PROGRAMS.liveLaterToday))).toBeInTheDocument();

    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'All' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'On air now' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Upcoming' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText(nameOf(EMULATOR_PROGRAMS.liveFuture))).toBeInTheDocument();
    // Tab leaves the tab list for the panel.
    await user.tab();
    expect(screen.getByRole('tabpanel')).toHaveFocus();
  });

  it('should call onSelect with the broadcast picked', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    renderWithService(<BroadcastSchedule onSelect={onSelect} />);
    await user.click(await screen.findByRole('button', { name: new RegExp(nameOf(EMULATOR_PROGRAMS.liveNow)) }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: EMULATOR_PROGRAMS.liveNow }));
  });

  it('should say when nothing is scheduled, and show failures', async () => {
    useEmulator({ seed: 'empty' });
    const { unmount } = renderWithService(<BroadcastSchedule initialWhen="future" />);
    expect(await screen.findByText('No broadcasts scheduled.')).toBeInTheDocument();
    unmount();

    useEmulator({ faults: { rules: [{ kind: 'error', status: 503, path: '/live' }] } });
    renderWithService(<BroadcastSchedule />);
    expect(await screen.findByRole('alert')).toHaveTextContent('503');
  });
});
