import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AccessReportTable, ViewerReport } from '../../components';
import { expectAccessible, renderWithService, requestsTo, setupEmulator } from './harness';

const { emulator, useEmulator } = setupEmulator();

/** The program with the most seeded views. */
function mostViewed(): string {
  const counts = new Map<string, number>();
  for (const view of emulator().state.views) counts.set(view.programId, (counts.get(view.programId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

describe('AccessReportTable', () => {
  it('should show the views of every program in a captioned table, accessibly', async () => {
    const { container } = renderWithService(<AccessReportTable params={{ range: 'ALL' }} />, { as: 'admin' });
    const table = await screen.findByRole('table', { name: 'Access report: All time' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Recording', 'Viewer', 'Started', 'Duration', 'Location', 'Delivery node']);
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
    expect(within(table).getAllByRole('cell', { name: 'Guest' }).length).toBeGreaterThan(0);
    await expectAccessible(container);
  });

  it('should change the period with the range select', async () => {
    const user = userEvent.setup();
    renderWithService(<AccessReportTable params={{ range: 'ALL' }} />, { as: 'admin' });
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Last week');
    await waitFor(() => expect(requestsTo(emulator(), '/reports/programaccess').at(-1)?.query.range).toBe('LAST_WEEK'));
    const week = emulator().state.views.filter((v) => Date.parse(v.startDate!) >= emulator().now() - 7 * 86_400_000);
    if (week.length > 0)
      expect(await screen.findByRole('table', { name: 'Access report: Last week' })).toBeInTheDocument();
    else expect(await screen.findByText('No views in this period.')).toBeInTheDocument();
  });

  it("should show one program's views", async () => {
    const id = mostViewed();
    renderWithService(<AccessReportTable programId={id} params={{ range: 'ALL' }} />, { as: 'admin' });
    const table = await screen.findByRole('table');
    const name = emulator().state.programs.get(id)!.name;
    for (const row of within(table).getAllByRole('rowheader')) expect(row).toHaveTextContent(name);
    expect(requestsTo(emulator(), `/reports/programaccess/${id}`).length).toBeGreaterThan(0);
    // The all-programs report is not asked for.
    expect(requestsTo(emulator(), '/reports/programaccess')).toHaveLength(0);
  });

  it('should say when there were no views, and explain a refusal', async () => {
    useEmulator({ seed: 'empty' });
    const { unmount } = renderWithService(<AccessReportTable />, { as: 'admin' });
    expect(await screen.findByText('No views in this period.')).toBeInTheDocument();
    unmount();
    renderWithService(<AccessReportTable />, { as: 'carol' });
    expect(await screen.findByRole('alert')).toHaveTextContent('You do not have access');
  });
});

describe('ViewerReport', () => {
  it('should show the totals and the viewers of a program, accessibly', async () => {
    const id = mostViewed();
    const views = emulator().state.views.filter((v) => v.programId === id);
    const { container } = renderWithService(<ViewerReport programId={id} params={{ range: 'ALL' }} />, { as: 'admin' });
    const total = await screen.findByText('Total views');
    expect(total.nextSibling).toHaveTextContent(String(views.length));
    expect(screen.getByText('Guest views').nextSibling).toHaveTextContent(String(views.filter((v) => v.guest).length));
    expect(screen.getByRole('table', { name: 'Viewers: All time' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(emulator().state.programs.get(id)!.name);
    await expectAccessible(container);
  });

  it('should say when nobody watched in the period', async () => {
    renderWithService(<ViewerReport programId="p-004" params={{ range: 'LAST_DAY' }} />, { as: 'admin' });
    expect(await screen.findByText('No views in this period.')).toBeInTheDocument();
  });
});
