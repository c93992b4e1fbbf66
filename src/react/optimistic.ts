import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RecordingServiceError } from '../core/errors';
import { detailKey, listsKey } from './keys';
import { isInfiniteData, isPagedList, pagesOf } from './listData';
import type { PagedList, Program } from '../core/types';

/**
 * The shared frames of the write hooks: optimistic edits of one program wherever it is cached (its detail
 * entry and every list page, infinite or not) with a snapshot to roll back to, and mutations whose variables
 * are stored in another form than given (a password sealed). Shape-based on purpose: every list key sits
 * under `recordingKeys.lists()`, and its data is a `PagedList` or `InfiniteData<PagedList>`.
 */

/** What a rollback restores: the data of every entry touched, by key. */
export type CacheSnapshot = ReadonlyArray<readonly [QueryKey, unknown]>;

type ListData = PagedList | InfiniteData<PagedList>;

/** Whether a list key asks for the recycle bin (`onlyDeleted: true` among its parameters). */
export function isRecycleBinKey(queryKey: QueryKey): boolean {
  return queryKey.some((part) => (part as { onlyDeleted?: unknown } | null)?.onlyDeleted === true);
}

/** Maps the pages of a list entry holding the program (so one page at least is a `PagedList`). */
function mapPages(data: ListData, map: (page: PagedList) => PagedList): ListData {
  return isInfiniteData(data)
    ? { ...data, pages: data.pages.map((page) => (isPagedList(page) ? map(page) : page)) }
    : map(data);
}

const holds = (data: unknown, id: string) => pagesOf(data).some((page) => page.items.some((item) => item?.id === id));

/** Applies `patch` to the program in its detail entry and in every list page holding it. */
export function patchProgram(queryClient: QueryClient, id: string, patch: Partial<Program>): void {
  queryClient.setQueryData<Program>(detailKey(id), (old) => (old ? { ...old, ...patch } : old));
  queryClient.setQueriesData<ListData>({ queryKey: listsKey() }, (old) =>
    old && holds(old, id)
      ? mapPages(old, (page) => ({
          ...page,
          items: page.items.map((item) => (item?.id === id ? { ...item, ...patch } : item)),
        }))
      : old,
  );
}

/**
 * Removes the program from lists, lowering their `totalItemCount` by one: from the ordinary lists on
 * delete, from the recycle bin (`recycleBin`) on restore.
 */
export function removeProgramFromLists(queryClient: QueryClient, id: string, recycleBin: boolean): void {
  for (const [queryKey, data] of queryClient.getQueriesData<ListData>({ queryKey: listsKey() })) {
    if (!data || !holds(data, id) || isRecycleBinKey(queryKey) !== recycleBin) continue;
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

/** What {@link useProgramMutation} needs of one program mutation; every step gets the normalized variables. */
interface ProgramMutationSteps<TData, TVariables extends { id: string }> {
  /** Runs before anything is touched; throwing refuses the mutation unsent, with the cache untouched. */
  check?: (variables: TVariables) => void;
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** The optimistic edit, made once the snapshot is taken. */
  onMutate: (queryClient: QueryClient, variables: TVariables) => void;
  onSuccess: (queryClient: QueryClient, data: TData, variables: TVariables) => void;
  /**
   * The keys to invalidate once settled, in this order (`false` and `null` ones skipped). By default every
   * list, then the detail after an error (on success the detail is the server's answer already).
   */
  refetch?: (variables: TVariables, error: RecordingServiceError | null) => ReadonlyArray<QueryKey | false | null>;
}

const refetchAfterEdit = ({ id }: { id: string }, error: RecordingServiceError | null) => [
  listsKey(),
  error && detailKey(id),
];

/**
 * The frame of the program mutations (update, delete, restore), whose variables are `{ id, ... }` or the id
 * alone. Before sending: `check`, then cancel the reads of the program's detail and of every list (so they
 * cannot overwrite the optimistic state), snapshot the detail and every list holding the program plus the
 * recycle-bin lists, and apply `onMutate`. On error the snapshot is put back (entries that were empty are
 * removed again). Once settled, `refetch`'s keys are invalidated, unless it was refused before sending.
 */
export function useProgramMutation<
  TData,
  TVariables extends { id: string },
  TGiven extends string | TVariables = string | TVariables,
>(
  steps: ProgramMutationSteps<TData, TVariables>,
): UseMutationResult<TData, RecordingServiceError, TGiven, CacheSnapshot> {
  const queryClient = useQueryClient();
  const read = (variables: TGiven) =>
    typeof variables === 'string' ? ({ id: variables } as TVariables) : (variables as TVariables);
  return useMutation<TData, RecordingServiceError, TGiven, CacheSnapshot>({
    onMutate: async (given) => {
      const variables = read(given);
      const { id } = variables;
      steps.check?.(variables);
      await Promise.all([
        queryClient.cancelQueries({ queryKey: detailKey(id) }),
        queryClient.cancelQueries({ queryKey: listsKey() }),
      ]);
      const lists = queryClient
        .getQueriesData<ListData>({ queryKey: listsKey() })
        .filter(([key, data]) => holds(data, id) || isRecycleBinKey(key));
      const snapshot: CacheSnapshot = [[detailKey(id), queryClient.getQueryData(detailKey(id))], ...lists];
      steps.onMutate(queryClient, variables);
      return snapshot;
    },
    mutationFn: (variables) => steps.mutationFn(read(variables)),
    onSuccess: (data, variables) => steps.onSuccess(queryClient, data, read(variables)),
    onError: (_error, _variables, snapshot) => {
      for (const [queryKey, data] of snapshot ?? []) {
        if (data === undefined) queryClient.removeQueries({ queryKey, exact: true });
        else queryClient.setQueryData(queryKey, data);
      }
    },
    onSettled: (_data, error, variables, snapshot) =>
      // No snapshot: refused before sending, nothing changed.
      snapshot &&
      Promise.all(
        (steps.refetch ?? refetchAfterEdit)(read(variables), error).map(
          (queryKey) => queryKey && queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/**
 * A mutation result whose `mutate` and `mutateAsync` take `TGiven`, stored as `seal` makes it (its `password`
 * sealed for one use), and whose `variables` are the stored ones without that `password`.
 */
export function useSealedPassword<TResult, TGiven, TStored extends { password?: unknown }, TData, TContext>(
  mutation: UseMutationResult<TData, RecordingServiceError, TStored, TContext>,
  seal: (variables: TGiven) => TStored,
): TResult {
  const { mutate, mutateAsync, variables } = mutation;
  const sealed = useMemo(
    () => ({
      mutate: (given: TGiven, options?: Parameters<typeof mutate>[1]) => mutate(seal(given), options),
      mutateAsync: (given: TGiven, options?: Parameters<typeof mutate>[1]) => mutateAsync(seal(given), options),
    }),
    [mutate, mutateAsync, seal],
  );
  return { ...mutation, ...sealed, variables: variables && withoutPassword(variables) } as TResult;
}

const withoutPassword = <T extends { password?: unknown }>({ password: _sealed, ...shown }: T) => shown;
