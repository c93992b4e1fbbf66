import type { InfiniteData } from '@tanstack/react-query';
import type { PagedList } from '../core/types';

/*
 * The one test of what a list entry holds. Every list key sits under `recordingKeys.lists()`; the data of an
 * `infinite` key is `InfiniteData<PagedList>`, of the others a `PagedList`. Shape-based on purpose, so an
 * entry an app wrote itself under those keys is handled the same way.
 */

/** Whether `data` is one page of programs. */
export function isPagedList(data: unknown): data is PagedList {
  return Array.isArray((data as PagedList | null | undefined)?.items);
}

/** Whether `data` is the data of an infinite list (`useInfiniteRecordings`). */
export function isInfiniteData(data: unknown): data is InfiniteData<PagedList> {
  return Array.isArray((data as InfiniteData<PagedList> | null | undefined)?.pages);
}

/** The pages of a list entry, whichever its kind; none for anything else. */
export function pagesOf(data: unknown): PagedList[] {
  if (isInfiniteData(data)) return data.pages.filter(isPagedList);
  return isPagedList(data) ? [data] : [];
}
