import { QueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createRecordingClient,
  createRecordingContext,
  getProgram,
  listPrograms,
  onSessionExpired,
  recordingQueries,
  signIn,
  signOut,
  type PagedList,
  type Program,
  type RecordingClient,
  type RecordingContext,
  type RecordingServiceError,
  type SessionSnapshot,
} from '../../hooks/index';

const config = { host: 'rec.example.com', isSecure: true, tenantId: 'default' };

describe('the modular core', () => {
  it('takes the context first, then the namespace method arguments', () => {
    const context = createRecordingContext(config);
    expectTypeOf(listPrograms(context, { count: 5 }, { signal: new AbortController().signal })).toEqualTypeOf<
      Promise<PagedList>
    >();
    expectTypeOf(getProgram(context, 'p1')).toEqualTypeOf<Promise<Program>>();
    expectTypeOf(signIn(context, 'portal-token', 'alice')).toEqualTypeOf<Promise<SessionSnapshot>>();
    expectTypeOf(signOut(context)).toEqualTypeOf<void>();
    expectTypeOf(
      onSessionExpired(context, (error) => expectTypeOf(error).toEqualTypeOf<RecordingServiceError>()),
    ).toEqualTypeOf<() => void>();
    // @ts-expect-error the context comes first
    void listPrograms({ count: 5 });
  });

  it('makes a client a context, usable with the operation functions and recordingQueries', () => {
    const client = createRecordingClient(config);
    expectTypeOf(client).toMatchTypeOf<RecordingContext>();
    expectTypeOf<RecordingClient>().toHaveProperty('programs');
    expectTypeOf(recordingQueries.list(client).queryKey).not.toBeAny();
    expectTypeOf(listPrograms(client)).toEqualTypeOf<Promise<PagedList>>();
  });

  it('keeps every factory usable with useSuspenseQuery, ensureQueryData and prefetchQuery (API.md)', () => {
    const client = createRecordingClient(config);
    const queryClient = new QueryClient();
    expectTypeOf(useSuspenseQuery(recordingQueries.detail(client, 'p1')).data).toEqualTypeOf<Program>();
    expectTypeOf(queryClient.ensureQueryData(recordingQueries.detail(client, 'p1'))).toEqualTypeOf<Promise<Program>>();
    expectTypeOf(queryClient.prefetchQuery(recordingQueries.playback(client, 'p1'))).toEqualTypeOf<Promise<void>>();
  });
});
