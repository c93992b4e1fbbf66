'use client';

import type { ReactNode } from 'react';
import { formatDate, isoDate } from './format';
import { useServerOffset } from './useServerOffset';

/**
 * A server date as a `<time>`: shown in the reader's zone once the server's offset is known (system settings
 * in the cache), else as the server gave it. Epoch ms and ISO text with a zone are instants either way.
 */
export function ServerDate({ value }: { value: string | number }): ReactNode {
  const offset = useServerOffset();
  return <time dateTime={isoDate(value, offset)}>{formatDate(value, offset)}</time>;
}
