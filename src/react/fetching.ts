import type { QueryClient, QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { baseUrl } from '../core/config';
import type { RecordingContext } from '../core/context';
import type { RecordingServiceError } from '../core/errors';
import type { ChatMessage, ChatSession, Program } from '../core/types';
import { listsKey, type RecordingScope } from './keys';
import { pagesOf } from './listData';

/** How long program data counts as fresh unless a query says otherwise: 30 s. */
export const PROGRAM_STALE_TIME_MS = 30_000;
/** How long catalogs (categories, templates) and settings count as fresh: 5 min. */
export const CATALOG_STALE_TIME_MS = 5 * 60_000;
/** How long a playback address fetched with a password stays cached once unused: 1 s (an ordinary one: 5 min). */
export const UNLOCKED_PLAYBACK_GC_TIME_MS = 1_000;

/**
 * The options a read hook accepts: every react-query option except `queryKey` and `queryFn`, which the
 * hook owns. Errors are always {@link RecordingServiceError}.
 */
export type RecordingQueryOptions<TQueryFnData, TData = TQueryFnData, TKey extends QueryKey = QueryKey> = Omit<
  UseQueryOptions<TQueryFnData, RecordingServiceError, TData, TKey>,
  'queryKey' | 'queryFn'
>;

/**
 * Who a context speaks for right now: its server, tenant and signed-in user (`null` as a guest), e.g. to
 * build keys of an app's own entries with `createRecordingKeys(recordingScope(context))`.
 */
export function recordingScope(context: RecordingContext): RecordingScope {
  const state = context.sessionStore.getState();
  return {
    server: baseUrl(context.config),
    tenantId: context.config.tenantId,
    user: state.status === 'user' ? (state.user ?? null) : null,
  };
}

/**
 * Runs a query's fetch with an abort signal that follows react-query's `signal` from the next macrotask on.
 *
 * React-query cancels a fetch on its last observer's unsubscribe only if the queryFn has read `signal`.
 * StrictMode unsubscribes and resubscribes every observer synchronously right after mounting; reading `signal`
 * at once would make that simulated unmount abort the first request and the remount send a second. Read a tick
 * later, a real unmount or a key change still aborts the request, and StrictMode sends one.
 *
 * Cost, paid in production too: one AbortController and one 0 ms timer per fetch (cleared when the fetch
 * settles). It stays because it is the only way to get both one request under StrictMode and cancellation
 * on unmount and key changes; nothing else in the read path exists for StrictMode.
 */
export function fetchWithQuerySignal<T>(
  context: { readonly signal: AbortSignal },
  fetch: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let settled = false;
  const follow = setTimeout(() => {
    if (settled) return;
    const { signal } = context;
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }, 0);
  return fetch(controller.signal).finally(() => {
    settled = true;
    clearTimeout(follow);
  });
}

/** The states after which a program's status no longer changes by itself. */
export const TERMINAL_PROGRAM_STATES: readonly string[] = ['COMPLETE', 'FAILED'];

/**
 * The delay before the next poll of a program's status: `false` once its state is terminal (`COMPLETE`,
 * `FAILED`), else `baseMs` doubled for every poll after the first (`polls` answers so far), at most `maxMs`.
 */
export function statusPollDelay(
  state: string | undefined,
  polls: number,
  baseMs: number,
  maxMs: number,
): number | false {
  return TERMINAL_PROGRAM_STATES.includes(state as string)
    ? false
    : Math.min(baseMs * 2 ** Math.max(0, polls - 1), maxMs);
}

/** A program found in a cached list, with when that list was fetched. */
export interface CachedProgram {
  program: Program;
  /** `dataUpdatedAt` of the list query that holds it. */
  updatedAt: number;
}

/**
 * Looks `id` up in every cached list (pages, infinite lists, by category, by publisher, broadcasts) and
 * returns the most recently fetched copy, if any.
 */
export function findCachedProgram(queryClient: QueryClient, id: string): CachedProgram | undefined {
  let found: CachedProgram | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: listsKey() })) {
    const updatedAt = query.state.dataUpdatedAt;
    if (found && found.updatedAt >= updatedAt) continue;
    for (const page of pagesOf(query.state.data)) {
      const program = page.items.find((item) => item.id === id);
      if (program) {
        found = { program, updatedAt };
        break;
      }
    }
  }
  return found;
}

/** A cached Q&A message; `pending` marks one posted from here that the server has not echoed yet. */
export type CachedChatMessage = ChatMessage & { pending?: boolean };

const messageId = (m: ChatMessage) => JSON.stringify([m.timestamp, m.senderId ?? m.senderDisplayName, m.message]);
/** Whether two Q&A messages say the same: text and type. */
export const sameText = (a: ChatMessage, b: ChatMessage) => a.message === b.message && a.type === b.type;

/**
 * Merges newly fetched messages into the cached session: deduplicated by timestamp, sender and text, in time
 * order; a pending message leaves once the server echoes it.
 */
export function mergeChatSession(old: ChatSession | undefined, fresh: ChatSession): ChatSession {
  const incoming = fresh.messages ?? [];
  const seen = new Set<string>();
  const messages = [
    ...((old?.messages ?? []) as CachedChatMessage[]).filter(
      (m) => !m.pending || !incoming.some((n) => sameText(m, n)),
    ),
    ...incoming,
  ].filter((m) => {
    const id = messageId(m);
    return !seen.has(id) && !!seen.add(id);
  });
  messages.sort((a, b) => (a.timestamp ?? Infinity) - (b.timestamp ?? Infinity));
  return { ...old, ...fresh, messages };
}

/** The timestamp of the newest message the server has confirmed, for `after`. */
export function newestTimestamp(session: ChatSession | undefined): number | undefined {
  let newest: number | undefined;
  // A loop, not Math.max(...spread): a long history would overflow the argument list.
  for (const m of (session?.messages ?? []) as CachedChatMessage[]) {
    if (!m.pending && typeof m.timestamp === 'number' && (newest === undefined || m.timestamp > newest)) {
      newest = m.timestamp;
    }
  }
  return newest;
}
