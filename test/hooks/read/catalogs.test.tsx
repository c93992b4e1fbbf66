import { useRecordingSession } from '../../../hooks/useRecordingSession';
import { useRecordingClient } from '../../../hooks/useRecordingClient';
import { recordingKeys } from '../../../src/react/keys';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useAccessReport } from '../../../hooks/useAccessReport';
import { useCategories } from '../../../hooks/useCategories';
import { useCategory } from '../../../hooks/useCategory';
import { useGuestAccess } from '../../../hooks/useGuestAccess';
import { useProgramAccessReport } from '../../../hooks/useProgramAccessReport';
import { useProgramViewers } from '../../../hooks/useProgramViewers';
import { useRecordingStatus } from '../../../hooks/useRecordingStatus';
import { useSystemSettings } from '../../../hooks/useSystemSettings';
import { useTemplate } from '../../../hooks/useTemplate';
import { useTemplates } from '../../../hooks/useTemplates';
import { useTenant } from '../../../hooks/useTenant';
import { statusPollDelay } from '../../../src/react/fetching';
import { BASE, emulatorCalls, requestsTo, serveEmulator, startServer, wrapperWith } from './harness';

const { server, seen } = startServer();

describe('useCategories, useCategory, useTemplates, useTemplate', () => {
  it('should load the catalogs and one entry of each', async () => {
    const emulator = serveEmulator(server);
    const category = [...emulator.state.categories.values()][0];
    const template = [...emulator.state.templates.values()][0];
    const { wrapper } = wrapperWith();
    const { result } = renderHook(
      () => ({
        categories: useCategories(),
        category: useCategory(category?.id ?? ''),
        templates: useTemplates(),
        template: useTemplate(template?.id ?? ''),
      }),
      { wrapper },
    );
    await waitFor(() => expect(Object.values(result.current).every((q) => q.isSuccess)).toBe(true));
    expect(result.current.categories.data?.map((c) => c.id)).toContain(category?.id);
    expect(result.current.category.data?.name).toBe(category?.name);
    expect(result.current.templates.data?.map((t) => t.id)).toContain(template?.id);
    expect(result.current.template.data?.name).toBe(template?.name);
  });
});

describe('useSystemSettings and useTenant', () => {
  it('should load the system settings and the configured tenant by default', async () => {
    const emulator = serveEmulator(server, { multiTenant: true });
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => ({ settings: useSystemSettings(), tenant: useTenant() }), { wrapper });
    await waitFor(() => expect(result.current.settings.isSuccess && result.current.tenant.isSuccess).toBe(true));
    expect(result.current.settings.data?.multiTenant).toBe(true);
    expect(result.current.tenant.data?.id).toBe('default');
    expect(emulatorCalls(emulator, 'tenants/default')).toHaveLength(1);
  });
});

describe('useGuestAccess', () => {
  const settingsUrl = `${BASE}/api/manager/system/settings`;
  const tenantUrl = `${BASE}/api/manager/tenants/default`;

  it('should follow the system settings on a single-tenant server', async () => {
    server.use(
      http.get(settingsUrl, () => HttpResponse.json({ multiTenant: false, allowGuestAccess: true })),
      http.get(tenantUrl, () => HttpResponse.json({ id: 'default', allowGuestAccess: false })),
    );
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useGuestAccess(), { wrapper });
    expect(result.current).toBe(false);
    await waitFor(() => expect(result.current).toBe(true));
    expect(requestsTo(seen, tenantUrl)).toHaveLength(0);
  });

  it("should follow the tenant's setting on a multi-tenant server", async () => {
    server.use(
      http.get(settingsUrl, () => HttpResponse.json({ multiTenant: true, allowGuestAccess: true })),
      http.get(tenantUrl, () => HttpResponse.json({ id: 'default', allowGuestAccess: false })),
    );
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useGuestAccess(), { wrapper });
    await waitFor(() => expect(requestsTo(seen, tenantUrl)).toHaveLength(1));
    await waitFor(() => expect(result.current).toBe(false));
  });

  it('should say true when the tenant of a multi-tenant server allows guests (emulator)', async () => {
    serveEmulator(server, { multiTenant: true, allowGuestAccess: true });
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useGuestAccess(), { wrapper });
    await waitFor(() => expect(result.current).toBe(true));
  });
});

describe('useRecordingStatus', () => {
  function useStatusAsAdmin(id: string) {
    const client = useRecordingClient();
    const session = useRecordingSession();
    const status = useRecordingStatus(id, { pollIntervalMs: 5, enabled: session.status === 'user' });
    return { client, data: status.data };
  }

  it('should poll while the state is not terminal and stop at COMPLETE', async () => {
    const emulator = serveEmulator(server);
    const program = [...emulator.state.programs.values()].find((p) => p.statusSequence?.length === 3);
    const id = program?.id ?? '';
    const { wrapper } = wrapperWith();
    const { result, rerender } = renderHook(() => useStatusAsAdmin(id), { wrapper });
    await act(() => result.current.client.session.signIn('portal-admin', 'admin'));
    await waitFor(() => expect(result.current.data?.state).toBe('COMPLETE'));
    expect(emulatorCalls(emulator, `programs/${id}/status`)).toHaveLength(3);
    // Long enough for several more polls at the growing pace (5, 10, 20 ms) had polling not stopped.
    await new Promise((resolve) => setTimeout(resolve, 200));
    rerender();
    expect(emulatorCalls(emulator, `programs/${id}/status`)).toHaveLength(3);
  });

  it('should back off: the delay doubles from the first interval up to the longest, and ends at a terminal state', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((polls) => statusPollDelay('PENDING', polls, 2000, 30_000));
    expect(delays).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(statusPollDelay(undefined, 0, 2000, 30_000)).toBe(2000);
    expect(statusPollDelay('STARTED', 2, 100, 1000)).toBe(200);
    expect(statusPollDelay('COMPLETE', 1, 2000, 30_000)).toBe(false);
    expect(statusPollDelay('FAILED', 5, 2000, 30_000)).toBe(false);
  });

  it('should not poll a FAILED program again', async () => {
    const emulator = serveEmulator(server);
    const program = [...emulator.state.programs.values()].find((p) => p.statusSequence?.[0] === 'FAILED');
    const id = program?.id ?? '';
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useStatusAsAdmin(id), { wrapper });
    await act(() => result.current.client.session.signIn('portal-admin', 'admin'));
    await waitFor(() => expect(result.current.data?.state).toBe('FAILED'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(emulatorCalls(emulator, `programs/${id}/status`)).toHaveLength(1);
  });
});

describe('report hooks', () => {
  it('should load reports for a signed-in administrator, one cache entry per parameter set', async () => {
    const emulator = serveEmulator(server);
    const program = [...emulator.state.programs.values()].find((p) => !p.deleted && !p.live);
    const id = program?.id ?? '';
    const { wrapper, queryClient } = wrapperWith();
    const { result, rerender } = renderHook(
      ({ range }: { range: 'ALL' | 'LAST_WEEK' }) => {
        const session = useRecordingSession();
        const enabled = session.status === 'user';
        return {
          client: useRecordingClient(),
          access: useAccessReport({ range, count: 10 }, { enabled }),
          program: useProgramAccessReport(id, { range }, { enabled }),
          viewers: useProgramViewers(id, { range }, { enabled }),
        };
      },
      { wrapper, initialProps: { range: 'ALL' } },
    );
    expect(emulator.requests).toHaveLength(0);
    await act(() => result.current.client.session.signIn('portal-admin', 'admin'));
    await waitFor(() =>
      expect(
        result.current.access.isSuccess && result.current.program.isSuccess && result.current.viewers.isSuccess,
      ).toBe(true),
    );
    expect(Array.isArray(result.current.access.data)).toBe(true);
    expect(emulatorCalls(emulator, 'reports/programaccess')[0]?.query).toMatchObject({ range: 'ALL', count: '10' });
    expect(emulatorCalls(emulator, `reports/programview/${id}`)).toHaveLength(1);

    rerender({ range: 'LAST_WEEK' });
    await waitFor(() => expect(emulatorCalls(emulator, 'reports/programaccess')).toHaveLength(2));
    expect(emulatorCalls(emulator, 'reports/programaccess')[1]?.query.range).toBe('LAST_WEEK');
    const reportKeys = queryClient.getQueryCache().findAll({ queryKey: [...recordingKeys.all, 'reports'] });
    expect(reportKeys).toHaveLength(6);
  });

  it('should send nothing for a per-program report while the program id is empty', () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => ({ access: useProgramAccessReport(''), viewers: useProgramViewers('') }), {
      wrapper,
    });
    expect(result.current.access.fetchStatus).toBe('idle');
    expect(result.current.viewers.fetchStatus).toBe('idle');
    expect(emulator.requests).toHaveLength(0);
  });
});
