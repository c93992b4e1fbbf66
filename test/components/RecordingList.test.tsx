import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RecordingList, RecordingListSelect, RecordingListThumbnail } from '../../components';
import { EMULATOR_PROGRAMS, TEST_RECORDING_BASE_URL } from '../../src/testing';
import { expectAccessible, renderWithService, requestsTo, setupEmulator } from './harness';

const { emulator, useEmulator, server } = setupEmulator();

const summary = () => screen.findByText(/^Showing \d+-\d+ of \d+$/);
const items = () => within(screen.getByRole('list', { name: 'Recordings' })).getAllByRole('listitem');

describe('RecordingList', () => {
  it('should list the first page of public recordings to a guest, names as text, accessibly', async () => {
    const onSelect = vi.fn();
    const { container } = renderWithService(<RecordingList onSelect={onSelect} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(await summary()).toHaveTextContent(/^Showing 1-10 of \d+$/);
    expect(items()).toHaveLength(10);

    // The seed's HTML-looking title is text: no <img onerror> element was made from it.
    const html = screen.getByRole('button', { name: /<img src=x onerror=alert\(1\)>/ });
    expect(html).toBeInTheDocument();
    expect(container.querySelectorAll('img[onerror]')).toHaveLength(0);
    expect(screen.getByRole('img', { name: 'Thumbnail of <img src=x onerror=alert(1)>' })).toHaveAttribute(
      'src',
      `https://recordings.test/thumbnails/${EMULATOR_PROGRAMS.htmlTitle}.jpg`,
    );
    await expectAccessible(container);
  });

  it('should format durations', async () => {
    useEmulator({
      seed: { programs: [{ id: 'x-1', name: 'Long one', accessMode: 'PUBLIC', duration: 3723 }] },
    });
    renderWithService(<RecordingList />);
    const item = await screen.findByText('Long one');
    expect(item.closest('li')).toHaveTextContent('Duration: 1:02:03');
  });

  it('should select with the keyboard, move between items with the arrows and page forward', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    function Harness() {
      const [selected, setSelected] = useState<string>();
      return (
        <RecordingList
          selectedId={selected}
          onSelect={(program) => {
            onSelect(program);
            setSelected(program.id);
          }}
        />
      );
    }
    renderWithService(<Harness />);
    await summary();
    const buttons = within(screen.getByRole('list', { name: 'Recordings' })).getAllByRole('button');
    await user.tab();
    expect(buttons[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(buttons[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(buttons[9]).toHaveFocus();
    await user.keyboard('{Home}{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(buttons[0]).toHaveAttribute('aria-current', 'true');

    screen.getByRole('button', { name: 'Next page' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/^Showing 11-\d+ of/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();
    expect(requestsTo(emulator(), '/api/manager/programs').at(-1)?.query.offset).toBe('10');
  });

  it('should keep showing the current page and its range while the next one loads', async () => {
    const user = userEvent.setup();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Holds the second page back, then lets the emulator answer it.
    server.use(
      http.get(`${TEST_RECORDING_BASE_URL}/api/manager/programs`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('offset') === '10') await gate;
      }),
    );
    renderWithService(<RecordingList />);
    await summary();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText(/^Showing 1-10 of \d+$/)).toBeInTheDocument();
    expect(items()).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    release();
    expect(await screen.findByText(/^Showing 11-\d+ of \d+$/)).toBeInTheDocument();
  });

  it('should load a recording into the cache when an item is hovered', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderWithService(<RecordingList onSelect={() => {}} />);
    await summary();
    const detailOf = (id: string) =>
      queryClient
        .getQueryCache()
        .findAll()
        .find((q) => q.queryKey.includes('detail') && q.queryKey.includes(id));
    const first = within(screen.getByRole('list', { name: 'Recordings' })).getAllByRole('button')[0]!;
    const id = EMULATOR_PROGRAMS.htmlTitle;
    expect(first).toHaveAccessibleName(/<img src=x/);
    expect(detailOf(id)).toBeUndefined();
    await user.hover(first);
    await waitFor(() => expect(detailOf(id)?.state.data).toMatchObject({ id }));
  });

  it('should start again at the first page when the filters change', async () => {
    const user = userEvent.setup();
    function Harness() {
      const [query, setQuery] = useState<string>();
      return (
        <>
          <button type="button" onClick={() => setQuery('town hall')}>
            filter
          </button>
          <RecordingList params={query ? { query } : {}} />
        </>
      );
    }
    useEmulator({ seed: 'many' });
    renderWithService(<Harness />);
    await summary();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(/^Showing 11-20 of/);
    await user.click(screen.getByRole('button', { name: 'filter' }));
    expect(await screen.findByText(/^Showing 1-10 of/)).toBeInTheDocument();
    expect(requestsTo(emulator(), '/api/manager/programs').at(-1)?.query).toMatchObject({
      query: 'town hall',
      offset: '0',
    });
  });

  it('should take its page size and first offset from params', async () => {
    renderWithService(<RecordingList params={{ count: 5, offset: 5 }} />);
    expect(await summary()).toHaveTextContent(/^Showing 6-10 of \d+$/);
    expect(items()).toHaveLength(5);
  });

  it('should append pages with "Load more"', async () => {
    const user = userEvent.setup();
    useEmulator({ seed: 'many' });
    renderWithService(<RecordingList paging="more" pageSize={5} />);
    expect(await summary()).toHaveTextContent(/^Showing 1-5 of/);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText(/^Showing 1-10 of/)).toBeInTheDocument();
    expect(items()).toHaveLength(10);
  });

  it('should page through 10,000 programs by scrolling, keeping only the rows in view in the DOM', async () => {
    const user = userEvent.setup();
    useEmulator({ seed: 'many' });
    // The admin may see every one of them.
    renderWithService(<RecordingList paging="more" pageSize={1000} onSelect={() => {}} />, { as: 'admin' });
    // A page of 1,000 programs is parsed and rendered per step: give each step more than the default second
    // on a loaded two-core machine (a wait for what the user sees, not a timing assertion).
    const slow = { timeout: 10_000 };
    expect(await screen.findByText(/^Showing \d+-\d+ of \d+$/, {}, slow)).toHaveTextContent('Showing 1-1000 of 10000');
    const list = screen.getByRole('list', { name: 'Recordings' });
    const viewport = list.parentElement!;
    expect(items().length).toBeLessThan(30);

    // Scrolling to the end of what is loaded loads the next page, up to the last one.
    for (let loaded = 1000; loaded < 10_000; loaded += 1000) {
      viewport.scrollTop = Number.parseFloat(list.style.height);
      fireEvent.scroll(viewport);
      expect(await screen.findByText(`Showing 1-${loaded + 1000} of 10000`, {}, slow)).toBeInTheDocument();
      expect(items().length).toBeLessThan(30);
    }
    expect(requestsTo(emulator(), '/api/manager/programs').map((r) => r.query.offset)).toEqual(
      Array.from({ length: 10 }, (_, page) => String(page * 1000)),
    );
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    // The keyboard still reaches every row: End goes to the 10,000th, Home back to the first.
    viewport.scrollTop = 0;
    fireEvent.scroll(viewport);
    await waitFor(() => expect(viewport).not.toHaveAttribute('data-scrolling'), slow);
    // Into the list with Tab, as a keyboard user: the focus is a React update (the list keeps the focused row
    // mounted), which a bare `element.focus()` would make outside act().
    await user.tab();
    expect(within(list).getAllByRole('button')[0]).toHaveFocus();
    await user.keyboard('{End}');
    const row = () => (document.activeElement as HTMLElement).closest('li');
    expect(row()).toHaveAttribute('aria-posinset', '10000');
    expect(row()).toHaveAttribute('aria-setsize', '10000');
    await user.keyboard('{ArrowUp}');
    expect(row()).toHaveAttribute('aria-posinset', '9999');
    await user.keyboard('{Home}');
    expect(row()).toHaveAttribute('aria-posinset', '1');
    expect(items().length).toBeLessThan(30);
  });

  it('should draw the rows an app gives, keeping the keyboard navigation and the selection', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    renderWithService(
      <RecordingList
        onSelect={onSelect}
        selectedId={EMULATOR_PROGRAMS.htmlTitle}
        renderItem={(item) => (
          <RecordingListSelect item={item} className="app-row">
            <RecordingListThumbnail program={item.program} />
            {`#${item.index + 1} ${item.program.name ?? ''}`}
          </RecordingListSelect>
        )}
      />,
    );
    await summary();
    const buttons = within(screen.getByRole('list', { name: 'Recordings' })).getAllByRole('button');
    expect(buttons[0]).toHaveAccessibleName(/^Thumbnail of .+#1 /);
    expect(buttons[0]).toHaveAttribute('aria-current', 'true');
    buttons[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(buttons[1]).toHaveFocus();
    await user.keyboard('{End}{Enter}');
    expect(buttons[9]).toHaveFocus();
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ id: expect.any(String) });
    expect(buttons[9]).toHaveAccessibleName(/#10 /);
  });

  it('should take a ref and the props of its root', async () => {
    const ref = createRef<HTMLDivElement>();
    renderWithService(<RecordingList ref={ref} className="mine" aria-busy="false" lang="en" />);
    await summary();
    expect(ref.current).toHaveClass('rrs-list', 'mine');
    expect(ref.current).toHaveAttribute('lang', 'en');
    expect(ref.current).toContainElement(screen.getByRole('list', { name: 'Recordings' }));
  });

  it('should say so when there is nothing to list', async () => {
    useEmulator({ seed: 'empty' });
    renderWithService(<RecordingList />);
    expect(await screen.findByText('No recordings found.')).toBeInTheDocument();
  });

  it('should show a failure with its status and recover on retry', async () => {
    const user = userEvent.setup();
    useEmulator({ faults: { rules: [{ kind: 'error', status: 503, path: '/api/manager/programs' }] } });
    const { container } = renderWithService(<RecordingList />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('503');
    await expectAccessible(container);

    emulator().setFaults();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await summary()).toBeInTheDocument();
  });
});
