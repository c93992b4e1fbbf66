import { useRecordingClient } from '../../../hooks/useRecordingClient';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDeleteRecording } from '../../../hooks/useDeleteRecording';
import { useRestoreRecording } from '../../../hooks/useRestoreRecording';
import { useUpdateRecording } from '../../../hooks/useUpdateRecording';
import * as recordingQueries from '../../../src/react/queries';
import type { Program, ProgramChanges } from '../../../src/core/types';
import { cachedStrings, makeProgram, PROGRAMS, renderWithService, setupNetwork } from './harness';

const { server, seen } = setupNetwork();

/** A tiny recording server: programs in memory, writes optionally held (`hold`) or refused (`refuse`). */
function miniServer() {
  const state = {
    programs: [makeProgram('a'), makeProgram('b'), makeProgram('c'), makeProgram('z', { deleted: true })] as Program[],
    refuse: undefined as number | undefined,
    release: undefined as (() => void) | undefined,
    held: undefined as Promise<void> | undefined,
    hold() {
      state.held = new Promise((resolve) => (state.release = resolve));
    },
    releaseReads: undefined as (() => void) | undefined,
    readsHeld: undefined as Promise<void> | undefined,
    /** Holds reads too, so a rollback shows before any refetch could repair the cache. */
    holdReads() {
      state.readsHeld = new Promise((resolve) => (state.releaseReads = resolve));
    },
  };
  const write = async (apply: () => Response) => {
    await state.held;
    if (state.refuse) return new HttpResponse(null, { status: state.refuse });
    return apply();
  };
  server.use(
    http.get(PROGRAMS, async ({ request }) => {
      await state.readsHeld;
      const deleted = new URL(request.url).searchParams.get('onlyDeleted') === 'true';
      const items = state.programs.filter((p) => !!p.deleted === deleted);
      return HttpResponse.json({ items, totalItemCount: items.length });
    }),
    http.get(`${PROGRAMS}/category/:category`, async () => {
      await state.readsHeld;
      const items = state.programs.filter((p) => !p.deleted);
      return HttpResponse.json({ items, totalItemCount: items.length });
    }),
    http.get(`${PROGRAMS}/live`, async () => {
      await state.readsHeld;
      const items = state.programs.filter((p) => !p.deleted);
      return HttpResponse.json({ items, totalItemCount: items.length });
    }),
    http.get(`${PROGRAMS}/:id`, async ({ params }) => {
      await state.readsHeld;
      const program = state.programs.find((p) => p.id === params.id);
      return program ? HttpResponse.json(program) : new HttpResponse(null, { status: 404 });
    }),
    http.put(`${PROGRAMS}/:id`, async ({ params, request }) => {
      const changes = (await request.json()) as Record<string, unknown>;
      return write(() => {
        const program = state.programs.find((p) => p.id === params.id)!;
        const { password: _password, ...visible } = changes;
        Object.assign(program, visible);
        return HttpResponse.json(program);
      });
    }),
    http.delete(`${PROGRAMS}/:id`, ({ params, request }) =>
      write(() => {
        const permanent = new URL(request.url).searchParams.get('permanent') === 'true';
        if (permanent) state.programs = state.programs.filter((p) => p.id !== params.id);
        else state.programs.find((p) => p.id === params.id)!.deleted = true;
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  );
  return state;
}

let backend: ReturnType<typeof miniServer>;
beforeEach(() => {
  backend = miniServer();
});

/** Every cached view of the programs: a page, an infinite list, the recycle bin and one detail. */
function useViews(id: string) {
  const client = useRecordingClient();
  return {
    page: useQuery(recordingQueries.list(client, { count: 20 })),
    infinite: useInfiniteQuery(recordingQueries.infinite(client, { count: 20 })),
    bin: useQuery(recordingQueries.list(client, { onlyDeleted: true })),
    category: useQuery(recordingQueries.byCategory(client, 'c1')),
    live: useQuery(recordingQueries.broadcasts(client, 'all')),
    detail: useQuery(recordingQueries.detail(client, id)),
  };
}

const names = (items: Program[] | undefined) => items?.map((p) => p.name);
const ids = (items: Program[] | undefined) => items?.map((p) => p.id);

async function renderViews<T>(id: string, useMutationHook: () => T) {
  const rendered = renderWithService(() => ({ views: useViews(id), mutation: useMutationHook() }));
  await waitFor(() => {
    const views = Object.values(rendered.result.current.views);
    expect(views.every((view) => view.isSuccess)).toBe(true);
  });
  seen.length = 0;
  return rendered;
}

describe('useUpdateRecording', () => {
  it('should show the change everywhere at once, send only the changed fields, and keep the server answer', async () => {
    const { result } = await renderViews('b', useUpdateRecording);
    backend.hold();
    act(() => result.current.mutation.mutate({ id: 'b', changes: { name: 'Renamed' } }));

    await waitFor(() => expect(result.current.views.detail.data?.name).toBe('Renamed'));
    expect(names(result.current.views.page.data?.items)).toEqual(['Program a', 'Renamed', 'Program c']);
    expect(names(result.current.views.infinite.data?.pages[0]?.items)).toEqual(['Program a', 'Renamed', 'Program c']);
    expect(names(result.current.views.category.data?.items)).toEqual(['Program a', 'Renamed', 'Program c']);
    expect(names(result.current.views.live.data?.items)).toEqual(['Program a', 'Renamed', 'Program c']);

    backend.release?.();
    await waitFor(() => expect(result.current.mutation.isSuccess).toBe(true));
    const put = seen.find((r) => r.method === 'PUT');
    expect(JSON.parse(put!.body)).toEqual({ name: 'Renamed' });
    expect(result.current.views.detail.data?.name).toBe('Renamed');
  });

  it('should take the flat form { id, ...changes } too, validating and sending the same', async () => {
    const { result } = await renderViews('b', useUpdateRecording);
    act(() => result.current.mutation.mutate({ id: 'b', name: 'Flat', allowMediaDownload: true }));
    await waitFor(() => expect(result.current.mutation.isSuccess).toBe(true));
    expect(JSON.parse(seen.find((r) => r.method === 'PUT')!.body)).toEqual({ name: 'Flat', allowMediaDownload: true });
    expect(result.current.views.detail.data?.name).toBe('Flat');
    expect(result.current.mutation.variables).toEqual({ id: 'b', changes: { name: 'Flat', allowMediaDownload: true } });

    seen.length = 0;
    act(() => result.current.mutation.mutate({ id: 'b', stream: true } as unknown as { id: string }));
    await waitFor(() => expect(result.current.mutation.error?.kind).toBe('validation'));
    expect(seen).toEqual([]);
  });

  it('should roll every view back when the server refuses', async () => {
    const { result } = await renderViews('b', useUpdateRecording);
    backend.hold();
    backend.refuse = 403;
    act(() => result.current.mutation.mutate({ id: 'b', changes: { name: 'Renamed', public: true } }));
    await waitFor(() => expect(result.current.views.detail.data?.name).toBe('Renamed'));

    backend.holdReads();
    backend.release?.();
    await waitFor(() => expect(result.current.views.detail.data?.name).toBe('Program b'));
    expect(names(result.current.views.page.data?.items)).toEqual(['Program a', 'Program b', 'Program c']);
    expect(names(result.current.views.infinite.data?.pages[0]?.items)).toEqual(['Program a', 'Program b', 'Program c']);
    backend.releaseReads?.();
    await waitFor(() => expect(result.current.mutation.isError).toBe(true));
    expect(result.current.mutation.error?.kind).toBe('forbidden');
  });

  it('should refuse fields that are not writable with a validation error, sending nothing', async () => {
    const { result } = await renderViews('b', useUpdateRecording);
    const changes = { name: 'Renamed', stream: true } as ProgramChanges;
    act(() => result.current.mutation.mutate({ id: 'b', changes }));
    await waitFor(() => expect(result.current.mutation.isError).toBe(true));
    expect(result.current.mutation.error?.kind).toBe('validation');
    expect(result.current.mutation.error?.message).toContain('stream');
    expect(seen).toEqual([]);
    expect(result.current.views.detail.data?.name).toBe('Program b');
  });

  it('should send a new password alone, keeping it out of every cache', async () => {
    const { result, queryClient } = await renderViews('b', useUpdateRecording);
    act(() => result.current.mutation.mutate({ id: 'b', changes: { password: 'n3w-pa55word' } }));
    await waitFor(() => expect(result.current.mutation.isSuccess).toBe(true));
    expect(JSON.parse(seen.find((r) => r.method === 'PUT')!.body)).toEqual({ password: 'n3w-pa55word' });
    expect(cachedStrings(queryClient).join('\n')).not.toContain('n3w-pa55word');
  });

  it('should send a new password with other changes but keep it out of every cache', async () => {
    const { result, queryClient } = await renderViews('b', useUpdateRecording);
    act(() => result.current.mutation.mutate({ id: 'b', changes: { password: 'n3w-pa55word', accessMode: 'PUBLIC' } }));
    await waitFor(() => expect(result.current.mutation.isSuccess).toBe(true));
    expect(JSON.parse(seen.find((r) => r.method === 'PUT')!.body)).toEqual({
      password: 'n3w-pa55word',
      accessMode: 'PUBLIC',
    });
    expect(cachedStrings(queryClient).join('\n')).not.toContain('n3w-pa55word');
    expect(result.current.mutation.variables).toEqual({ id: 'b', changes: { accessMode: 'PUBLIC' } });
  });
});

describe('useDeleteRecording', () => {
  it('should remove the program from every list at once and refetch the recycle bin', async () => {
    const { result } = await renderViews('b', useDeleteRecording);
    backend.hold();
    act(() => result.current.mutation.mutate({ id: 'b', deleteResources: false }));

    await waitFor(() => expect(ids(result.current.views.page.data?.items)).toEqual(['a', 'c']));
    expect(result.current.views.page.data?.totalItemCount).toBe(2);
    expect(ids(result.current.views.infinite.data?.pages[0]?.items)).toEqual(['a', 'c']);
    expect(ids(result.current.views.category.data?.items)).toEqual(['a', 'c']);
    expect(result.current.views.live.data?.totalItemCount).toBe(2);
    expect(result.current.views.infinite.data?.pages[0]?.totalItemCount).toBe(2);
    expect(result.current.views.detail.data?.deleted).toBe(true);

    backend.release?.();
    await waitFor(() => expect(ids(result.current.views.bin.data?.items)).toEqual(['b', 'z']));
    const del = seen.find((r) => r.method === 'DELETE');
    expect(del?.url.searchParams.get('deleteResources')).toBe('false');
    expect(del?.url.searchParams.has('permanent')).toBe(false);
  });

  it('should put the program back when the server refuses', async () => {
    const { result } = await renderViews('b', useDeleteRecording);
    backend.hold();
    backend.refuse = 500;
    act(() => result.current.mutation.mutate({ id: 'b', permanent: true }));
    await waitFor(() => expect(ids(result.current.views.page.data?.items)).toEqual(['a', 'c']));

    backend.holdReads();
    backend.release?.();
    await waitFor(() => expect(ids(result.current.views.page.data?.items)).toEqual(['a', 'b', 'c']));
    expect(result.current.views.page.data?.totalItemCount).toBe(3);
    expect(ids(result.current.views.infinite.data?.pages[0]?.items)).toEqual(['a', 'b', 'c']);
    expect(result.current.views.detail.data?.deleted).toBe(false);
    backend.releaseReads?.();
    await waitFor(() => expect(result.current.mutation.isError).toBe(true));
    expect(seen.find((r) => r.method === 'DELETE')?.url.searchParams.get('permanent')).toBe('true');
  });
});

describe('useDeleteRecording variables', () => {
  it('should take the id alone and send the server defaults', async () => {
    const { result } = await renderViews('b', useDeleteRecording);
    act(() => result.current.mutation.mutate('b'));
    await waitFor(() => expect(result.current.mutation.isSuccess).toBe(true));
    await waitFor(() => expect(ids(result.current.views.bin.data?.items)).toEqual(['b', 'z']));
    expect(ids(result.current.views.page.data?.items)).toEqual(['a', 'c']);
    const del = seen.find((r) => r.method === 'DELETE');
    expect(del?.url.pathname).toBe(new URL(`${PROGRAMS}/b`).pathname);
    expect(del?.url.searchParams.has('permanent')).toBe(false);
    expect(del?.url.searchParams.has('deleteResources')).toBe(false);
  });
});

describe('useRestoreRecording', () => {
  it('should take { id } as well as the id', async () => {
    const { result } = await renderViews('z', useRestoreRecording);
    act(() => result.current.mutation.mutate({ id: 'z' }));
    await waitFor(() => expect(ids(result.current.views.page.data?.items)).toEqual(['a', 'b', 'c', 'z']));
    expect(seen.find((r) => r.method === 'PUT')?.url.pathname).toBe(new URL(`${PROGRAMS}/z`).pathname);
  });

  it('should take the program out of the recycle bin at once and back into the lists', async () => {
    const { result } = await renderViews('z', useRestoreRecording);
    backend.hold();
    act(() => result.current.mutation.mutate('z'));
    await waitFor(() => expect(ids(result.current.views.bin.data?.items)).toEqual([]));
    expect(result.current.views.bin.data?.totalItemCount).toBe(0);

    backend.release?.();
    await waitFor(() => expect(ids(result.current.views.page.data?.items)).toEqual(['a', 'b', 'c', 'z']));
    expect(JSON.parse(seen.find((r) => r.method === 'PUT')!.body)).toEqual({ deleted: false });
    expect(result.current.views.detail.data?.deleted).toBe(false);
  });

  it('should put it back in the recycle bin when the server refuses', async () => {
    const { result } = await renderViews('z', useRestoreRecording);
    backend.hold();
    backend.refuse = 409;
    act(() => result.current.mutation.mutate('z'));
    await waitFor(() => expect(ids(result.current.views.bin.data?.items)).toEqual([]));
    backend.holdReads();
    backend.release?.();
    await waitFor(() => expect(ids(result.current.views.bin.data?.items)).toEqual(['z']));
    expect(result.current.views.bin.data?.totalItemCount).toBe(1);
    backend.releaseReads?.();
    await waitFor(() => expect(result.current.mutation.isError).toBe(true));
  });
});
