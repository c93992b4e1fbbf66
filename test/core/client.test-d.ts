import { describe, expectTypeOf, it } from 'vitest';
import {
  createRecordingClient,
  isRecordingServiceError,
  parseRecordingServiceConfig,
  RecordingServiceError as RecordingServiceErrorClass,
  type AccessReport,
  type BroadcastParams,
  type Category,
  type ChatMessage,
  type ChatSession,
  type PagedList,
  type Program,
  type ProgramAddress,
  type ProgramChanges,
  type ProgramStatus,
  type RecordingListParams,
  type ReportParams,
  type Session,
  type SystemSettings,
  type Template,
  type Tenant,
  type ViewerReport,
  type RecordingClient,
  type RecordingServiceConfig,
  type RecordingServiceError,
  type ResolvedRecordingServiceConfig,
  type SessionSnapshot,
  type SessionState,
  type SessionStatus,
  type ViewReportReceipt,
} from '../../src/core';

const config: RecordingServiceConfig = { host: 'rec.example.com', isSecure: true, tenantId: 'default' };

describe('createRecordingClient types', () => {
  it('should return a RecordingClient whose config has every default', () => {
    const client = createRecordingClient(config);
    expectTypeOf(client).toEqualTypeOf<RecordingClient>();
    expectTypeOf(client.config).toEqualTypeOf<ResolvedRecordingServiceConfig>();
    expectTypeOf(client.config.port).toEqualTypeOf<number>();
    expectTypeOf(client.config.retry.attempts).toEqualTypeOf<number>();
    expectTypeOf(parseRecordingServiceConfig).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseRecordingServiceConfig({})).toExtend<RecordingServiceConfig>();
  });

  it('should type every operation result', () => {
    const client = createRecordingClient(config);
    expectTypeOf(client.programs.list()).resolves.toEqualTypeOf<PagedList>();
    expectTypeOf(client.programs.get('p1')).resolves.toEqualTypeOf<Program>();
    expectTypeOf(client.programs.playbackAddress('p1', { password: 'x' })).resolves.toEqualTypeOf<ProgramAddress>();
    expectTypeOf(client.programs.reportViewStart('p1')).resolves.toEqualTypeOf<ViewReportReceipt>();
    expectTypeOf(client.programs.remove('p1', { permanent: true })).resolves.toEqualTypeOf<void>();
    expectTypeOf(client.categories.list()).resolves.toEqualTypeOf<Category[]>();
  });

  it('should accept a signal last, or inside a last params object', () => {
    const client = createRecordingClient(config);
    const signal = new AbortController().signal;
    void client.programs.list({ count: 1 }, { signal });
    void client.programs.list({ count: 1, signal });
    void client.programs.status('p1', { signal });
    void client.reports.viewers('p1', { range: 'ALL', signal });
    void client.settings.tenant({ signal });
    void client.settings.tenant('other', { signal });
    void client.programs.reportViewEnd('p1', 7, { dnId: 'dn1', keepalive: true });
    // @ts-expect-error unknown list parameter
    void client.programs.list({ colour: 'red' });
    // @ts-expect-error bad range
    void client.reports.access({ range: 'FOREVER' });
    // @ts-expect-error read-only field
    void client.programs.update('p1', { viewCount: 1 });
  });

  it('should compile every call written as API.md shows it, each with a last { signal }', () => {
    const client = createRecordingClient(config);
    const o = { signal: new AbortController().signal };
    const list: RecordingListParams = { query: 'q', offset: 0, count: 20, orderBy: 'name', orderBy2: 'date' };
    const live: BroadcastParams = { timezoneOffset: -60, query: 'q', category: 'c', ownerId: 'o' };
    const report: ReportParams = { range: 'LAST_WEEK', startDate: '2024-01-01', dnName: 'dn' };
    const changes: ProgramChanges = { name: 'n', public: false, thumbnailData: 'AA==', thumbnailMimeType: 'image/png' };
    expectTypeOf(client.programs.list(list, o)).resolves.toEqualTypeOf<PagedList>();
    expectTypeOf(client.programs.listByCategory('c1', { offset: 0 }, o)).resolves.toEqualTypeOf<PagedList>();
    expectTypeOf(client.programs.listByPublisher('u1', { onlyDeleted: true }, o)).resolves.toEqualTypeOf<PagedList>();
    expectTypeOf(client.programs.broadcasts('now', live, o)).resolves.toEqualTypeOf<PagedList>();
    expectTypeOf(client.programs.get('p1', o)).resolves.toEqualTypeOf<Program>();
    expectTypeOf(client.programs.authorize('p1', 'pw', o)).resolves.toEqualTypeOf<Program>();
    expectTypeOf(
      client.programs.playbackAddress('p1', { password: 'pw', dnid: 'd' }, o),
    ).resolves.toEqualTypeOf<ProgramAddress>();
    expectTypeOf(client.programs.status('p1', o)).resolves.toEqualTypeOf<ProgramStatus>();
    expectTypeOf(client.programs.reportViewStart('p1', { dnId: 'd' }, o)).resolves.toEqualTypeOf<ViewReportReceipt>();
    expectTypeOf(client.programs.reportViewEnd('p1', 'r1', { dnId: 'd', keepalive: true }, o)).resolves.toBeVoid();
    expectTypeOf(client.programs.update('p1', changes, o)).resolves.toEqualTypeOf<Program>();
    expectTypeOf(client.programs.remove('p1', { permanent: true, deleteResources: false }, o)).resolves.toBeVoid();
    expectTypeOf(client.programs.restore('p1', o)).resolves.toEqualTypeOf<Program>();
    expectTypeOf(client.categories.list(o)).resolves.toEqualTypeOf<Category[]>();
    expectTypeOf(client.categories.get('c1', o)).resolves.toEqualTypeOf<Category>();
    expectTypeOf(client.templates.list(o)).resolves.toEqualTypeOf<Template[]>();
    expectTypeOf(client.templates.get('t1', o)).resolves.toEqualTypeOf<Template>();
    expectTypeOf(client.chat.sessions('p1', { moderatorPin: '1234' }, o)).resolves.toEqualTypeOf<ChatSession[]>();
    expectTypeOf(
      client.chat.session('p1', 's1', { moderatorPin: '1234', after: 1 }, o),
    ).resolves.toEqualTypeOf<ChatSession>();
    expectTypeOf(client.chat.openSession('p1', { sender: 'Ann' }, o)).resolves.toEqualTypeOf<ChatSession>();
    const message = { message: 'hi', type: 'QUESTION', senderDisplayName: 'Ann' } as const;
    expectTypeOf(client.chat.post('p1', 's1', message, { moderatorPin: '1234' }, o)).resolves.toBeVoid();
    expectTypeOf<ChatMessage['type']>().toEqualTypeOf<'QUESTION' | 'RESPONSE' | undefined>();
    expectTypeOf(client.settings.system(o)).resolves.toEqualTypeOf<SystemSettings>();
    expectTypeOf(client.settings.tenant()).resolves.toEqualTypeOf<Tenant>();
    expectTypeOf(client.settings.tenant('t', o)).resolves.toEqualTypeOf<Tenant>();
    expectTypeOf(client.reports.access(report, o)).resolves.toEqualTypeOf<AccessReport[]>();
    expectTypeOf(client.reports.accessForProgram('p1', report, o)).resolves.toEqualTypeOf<AccessReport[]>();
    expectTypeOf(client.reports.viewers('p1', report, o)).resolves.toEqualTypeOf<ViewerReport[]>();
    expectTypeOf(client.session.signIn('portal-token', 'alice', o)).resolves.toExtend<Session>();
    expectTypeOf(client.session.signOut()).toBeVoid();
    expectTypeOf(client.session.current()).toExtend<Session>();
    expectTypeOf(client.session.subscribe((session: Session) => void session.status)).toEqualTypeOf<() => void>();
  });

  it('should type RecordingServiceError as API.md lists it', () => {
    const error: unknown = new Error('x');
    if (isRecordingServiceError(error)) {
      expectTypeOf(error).toEqualTypeOf<RecordingServiceError>();
      expectTypeOf(error.kind).toEqualTypeOf<
        | 'config'
        | 'network'
        | 'timeout'
        | 'aborted'
        | 'unauthorized'
        | 'forbidden'
        | 'not-found'
        | 'http'
        | 'validation'
      >();
      expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.url).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.hint).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.details).toEqualTypeOf<unknown>();
    }
    expectTypeOf<RecordingServiceErrorClass>().toExtend<Error>();
  });

  it('should expose a read-only session store and a token-free snapshot', () => {
    const client = createRecordingClient(config);
    expectTypeOf(client.sessionStore.getState()).toEqualTypeOf<SessionState>();
    expectTypeOf(client.sessionStore.getState().status).toEqualTypeOf<SessionStatus>();
    expectTypeOf(client.sessionStore).not.toHaveProperty('setState');
    expectTypeOf(client.session.current()).toEqualTypeOf<SessionSnapshot>();
    expectTypeOf(client.session.current()).not.toHaveProperty('token');
    expectTypeOf(client.session.signIn('portal', 'alice')).resolves.toExtend<SessionSnapshot>();
    expectTypeOf(client.session.startRefresh()).toEqualTypeOf<() => void>();
    expectTypeOf(client.session.onExpired).parameter(0).toEqualTypeOf<(error: RecordingServiceError) => void>();
    expectTypeOf(client.dispose).toEqualTypeOf<() => void>();
  });
});
