import type { UseQueryResult } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useChatSession,
  useChatSessions,
  useDeleteRecording,
  useDownloadRecording,
  useOpenChatSession,
  usePlaybackAddress,
  usePostChatMessage,
  useRecordingSession,
  useRestoreRecording,
  useUnlockRecording,
  useUpdateRecording,
  useViewReport,
  type RecordingServiceError,
} from '../../hooks';
import type {
  ChatSession,
  NewChatMessage,
  Program,
  ProgramAddress,
  Session,
  SessionStatus,
} from '../../src/core/types';

describe('write hook types', () => {
  it('useRecordingSession exposes status, user, signIn, signOut and a typed error', () => {
    const session = useRecordingSession();
    expectTypeOf(session.status).toEqualTypeOf<SessionStatus>();
    expectTypeOf(session.user).toEqualTypeOf<string | undefined>();
    expectTypeOf(session.signIn).toEqualTypeOf<(portalToken: string, user: string) => Promise<Session>>();
    expectTypeOf(session.signOut).toEqualTypeOf<() => void>();
    expectTypeOf(session.error).toEqualTypeOf<RecordingServiceError | undefined>();
  });

  it('useUpdateRecording takes an id and only writable changes', () => {
    const update = useUpdateRecording();
    expectTypeOf(update.data).toEqualTypeOf<Program | undefined>();
    expectTypeOf(update.error).toEqualTypeOf<RecordingServiceError | null>();
    update.mutate({ id: 'p1', changes: { name: 'x', accessMode: 'PUBLIC' } });
    // @ts-expect-error stream is not a writable field
    update.mutate({ id: 'p1', changes: { stream: true } });
    update.mutate({ id: 'p1', name: 'x', allowMediaDownload: true });
    // @ts-expect-error stream is not a writable field (flat form)
    update.mutate({ id: 'p1', stream: true });
    // @ts-expect-error one form at a time
    update.mutate({ id: 'p1', name: 'x', changes: { description: 'y' } });
    expectTypeOf(update.variables?.id).toEqualTypeOf<string | undefined>();
    // @ts-expect-error accessMode is an enumeration
    update.mutate({ id: 'p1', changes: { accessMode: 'EVERYONE' } });
  });

  it('useDeleteRecording and useRestoreRecording are mutations on ids', () => {
    const remove = useDeleteRecording();
    remove.mutate({ id: 'p1', permanent: true, deleteResources: false });
    remove.mutate('p1');
    // @ts-expect-error an id is required
    remove.mutate({ permanent: true });
    // @ts-expect-error the id is a string
    remove.mutate(42);
    const restore = useRestoreRecording();
    restore.mutate('p1');
    restore.mutate({ id: 'p1' });
    expectTypeOf(restore.data).toEqualTypeOf<Program | undefined>();
    expectTypeOf(restore.error).toEqualTypeOf<RecordingServiceError | null>();
  });

  it('useUnlockRecording takes a password but its variables never hold one', () => {
    const unlock = useUnlockRecording();
    unlock.mutate({ id: 'p1', password: '1234' });
    expectTypeOf(unlock.variables).toEqualTypeOf<{ id: string } | undefined>();
    expectTypeOf(unlock.data).toEqualTypeOf<Program | undefined>();
  });

  it('usePlaybackAddress and the chat reads return react-query results unchanged', () => {
    expectTypeOf(usePlaybackAddress('p1', { password: 'x' }, { enabled: false })).toEqualTypeOf<
      UseQueryResult<ProgramAddress, RecordingServiceError>
    >();
    expectTypeOf(useChatSessions('p1', { moderatorPin: '1' })).toEqualTypeOf<
      UseQueryResult<ChatSession[], RecordingServiceError>
    >();
    expectTypeOf(useChatSession('p1', 's1', { pollMs: 1000 })).toEqualTypeOf<
      UseQueryResult<ChatSession, RecordingServiceError>
    >();
    // @ts-expect-error queryKey belongs to the hook
    usePlaybackAddress('p1', {}, { queryKey: ['x'] });
  });

  it('useOpenChatSession and usePostChatMessage are typed mutations', () => {
    const open = useOpenChatSession('p1');
    open.mutate({ sender: 'Alice' });
    open.mutate('Alice');
    expectTypeOf(open.data).toEqualTypeOf<ChatSession | undefined>();
    const post = usePostChatMessage('p1', 's1', { moderatorPin: '4321' });
    expectTypeOf(post.mutate).parameter(0).toEqualTypeOf<NewChatMessage>();
    // @ts-expect-error the type is QUESTION or RESPONSE
    post.mutate({ message: 'hi', type: 'COMMENT' });
  });

  it('useViewReport and useDownloadRecording expose their controls', () => {
    const report = useViewReport('p1', { dnId: 'dn' });
    expectTypeOf(report.start).toEqualTypeOf<() => Promise<string | undefined>>();
    expectTypeOf(report.end).toEqualTypeOf<() => void>();
    const download = useDownloadRecording();
    expectTypeOf(download.download).toEqualTypeOf<(id: string) => void>();
    expectTypeOf(download.cancel).toEqualTypeOf<() => void>();
    expectTypeOf(download.progress).toEqualTypeOf<number | undefined>();
    expectTypeOf(download.verified).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(download.data?.blob).toEqualTypeOf<Blob | undefined>();
    expectTypeOf(download.error).toEqualTypeOf<RecordingServiceError | null>();
  });
});
