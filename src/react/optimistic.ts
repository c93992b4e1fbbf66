import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { RecordingKeys } from './keys';
import { isInfiniteData, isPagedList } from './listData';
import type { PagedList, Program } from '../core/types';

/**
 * Cache surgery for the write hooks: optimistic edits of one program wherever it is cached (its detail
 * entry and every list page, infinite or not), with a snapshot to roll back to. Shape-based on purpose:
 * every list key sits under `keys.lists()`, and its data is a `PagedList` or `InfiniteData<PagedList>`.
 */

/** What a rollback restores: the data of every entry touched, by key. */
export type CacheSnapshot = ReadonlyArray<readonly [QueryKey, unknown]>;

type ListData = PagedList | InfiniteData<PagedList>;

/** Whether a list key asks for the recycle bin (`onlyDeleted: true` among its parameters). */
export function isRecycleBinKey(queryKey: QueryKey): boolean {
  return queryKey.some(
    (part) => typeof part === 'object' && part !== null && (part as { onlyDeleted?: unknown }).onlyDeleted === true,
  );
}

function mapPages(data: ListData, map: (page: PagedList) => PagedList): ListData {
  if (isInfiniteData(data)) {
    const pages = data.pages.map((page) => (isPagedList(page) ? map(page) : page));
    return pages.every((page, i) => page === data.pages[i]) ? data : { ...data, pages };
  }
  return map(data);
}

function holds(data: unknown, id: string): boolean {
  if (isInfiniteData(data)) return data.pages.some((page) => holds(page, id));
  return isPagedList(data) && data.items.some((item) => item?.id === id);
}

/**
 * Cancels outgoing fetches of the program's detail and of every list (so they cannot overwrite the optimistic
 * state), then snapshots the detail and every list holding the program, plus the recycle-bin lists.
 */
export async function snapshotProgram(
  queryClient: QueryClient,
  keys: RecordingKeys,
  id: string,
): Promise<CacheSnapshot> {
  await Promise.all([
    queryClient.cancelQueries({ queryKey: keys.detail(id) }),
    queryClient.cancelQueries({ queryKey: keys.lists() }),
  ]);
  const lists = queryClient
    .getQueriesData<ListData>({ queryKey: keys.lists() })
    .filter(([key, data]) => holds(data, id) || isRecycleBinKey(key));
  return [[keys.detail(id), queryClient.getQueryData(keys.detail(id))], ...lists];
}

/** Puts back every entry of a snapshot (entries that were empty are removed again). */
export function restoreSnapshot(queryClient: QueryClient, snapshot: CacheSnapshot): void {
  for (const [queryKey, data] of snapshot) {
    if (data === undefined) queryClient.removeQueries({ queryKey, exact: true });
    else queryClient.setQueryData(queryKey, data);
  }
}

/** Applies `patch` to the program in its detail entry and in every list page holding it. */
export function patchProgram(queryClient: QueryClient, keys: RecordingKeys, id: string, patch: Partial<Program>): void {
  queryClient.setQueryData<Program>(keys.detail(id), (old) => (old ? { ...old, ...patch } : old));
  queryClient.setQueriesData<ListData>({ queryKey: keys.lists() }, (old) =>
    old && holds(old, id)
      ? mapPages(old, (page) => ({
          ...page,
          items: page.items.map((item) => (item?.id === id ? { ...item, ...patch } : item)),
        }))
      : old,
  );
}

/**
 * Removes the program from lists, lowering their `totalItemCount` by one. `where` picks the lists: the
 * ordinary ones on delete, the recycle bin on restore.
 */
export function removeProgramFromLists(
  queryClient: QueryClient,
  keys: RecordingKeys,
  id: string,
  where: 'lists' | 'recycle-bin',
): void {
  for (const [queryKey, data] of queryClient.getQueriesData<ListData>({ queryKey: keys.lists() })) {
    if (!data || !holds(data, id) || isRecycleBinKey(queryKey) !== (where === 'recycle-bin')) continue;
    queryClient.setQueryData<ListData>(
      queryKey,
      mapPages(data, (page) => ({
        ...page,
        items: page.items.filter((item) => item?.id !== id),
        totalItemCount: Math.max(0, (page.totalItemCount ?? page.items.length) - 1),
      })),
    );
  }
}
