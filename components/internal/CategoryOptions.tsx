'use client';

import type { ReactNode } from 'react';
import type { Category } from '../../src/core/types';

/**
 * The server's categories as `<option>`s, led by `current` when the list does not hold it, so a select never
 * loses its value (a category the list has not loaded yet, or one it no longer offers). An empty `current`
 * gets its own option only with `includeEmpty`.
 */
export function CategoryOptions({
  categories,
  current,
  currentLabel = current,
  includeEmpty = false,
}: {
  categories: Category[] | undefined;
  current: string;
  currentLabel?: string;
  includeEmpty?: boolean;
}): ReactNode {
  const listed = categories?.some((category) => category.id === current) ?? false;
  return (
    <>
      {!listed && (current !== '' || includeEmpty) ? <option value={current}>{currentLabel}</option> : null}
      {categories?.map((category) =>
        category.id ? (
          <option key={category.id} value={category.id}>
            {category.name ?? category.id}
          </option>
        ) : null,
      )}
    </>
  );
}
