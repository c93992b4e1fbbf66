import { describe, expectTypeOf, it } from 'vitest';
import {
  createRecordingClient,
  parseRecordingServiceConfig,
  type Category,
  type PagedList,
  type Program,
  type ProgramAddress,
  type RecordingClient,
  type RecordingServiceConfig,
  type RecordingServiceError,
  type ResolvedRecordingServiceConfig,
  type SessionSnapshot,
  type SessionState,
  type SessionStatus,
  type ViewReportReceipt,
} from '../../src';

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
