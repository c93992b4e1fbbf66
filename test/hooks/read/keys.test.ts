// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { createRecordingKeys, recordingKeys } from '../../../src/react/keys';

const alice = createRecordingKeys({ server: 'https://a.test', tenantId: 'default', user: 'alice' });
const bob = createRecordingKeys({ server: 'https://a.test', tenantId: 'default', user: 'bob' });
const guest = createRecordingKeys({ server: 'https://a.test', tenantId: 'default', user: null });
const otherServer = createRecordingKeys({ server: 'https://b.test', tenantId: 'default', user: 'alice' });

function filled(): QueryClient {
  const queryClient = new QueryClient();
  for (const keys of [alice, bob, guest, otherServer]) {
    queryClient.setQueryData(keys.list({ count: 5 }), { items: [], totalItemCount: 0 });
    queryClient.setQueryData(keys.detail('p1'), { id: 'p1' });
    queryClient.setQueryData(keys.categories(), []);
  }
  return queryClient;
}

describe('recordingKeys', () => {
  it('should give every server, tenant and user its own entries', () => {
    const queryClient = filled();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(12);
    expect(queryClient.getQueryData(alice.detail('p1'))).toEqual({ id: 'p1' });
    queryClient.setQueryData(alice.detail('p1'), { id: 'p1', name: 'only alice' });
    expect(queryClient.getQueryData(bob.detail('p1'))).toEqual({ id: 'p1' });
  });

  it("should remove exactly one user's entries by their scope", () => {
    const queryClient = filled();
    queryClient.removeQueries({ queryKey: alice.all });
    expect(queryClient.getQueryCache().findAll({ queryKey: alice.all })).toHaveLength(0);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(9);
  });

  it('should match every scope with the unscoped factory and one server with a partial scope', () => {
    const queryClient = filled();
    expect(queryClient.getQueryCache().findAll({ queryKey: recordingKeys.lists() })).toHaveLength(4);
    expect(queryClient.getQueryCache().findAll({ queryKey: recordingKeys.details() })).toHaveLength(4);
    const serverA = createRecordingKeys({ server: 'https://a.test', user: undefined });
    expect(queryClient.getQueryCache().findAll({ queryKey: serverA.all })).toHaveLength(9);
  });

  it('should put every list under lists() and keep pages, infinite lists and the others apart', () => {
    const keys = [
      recordingKeys.list({ count: 5 }),
      recordingKeys.infinite({ count: 5 }),
      recordingKeys.byCategory('c', { count: 5 }),
      recordingKeys.byPublisher('c', { count: 5 }),
      recordingKeys.broadcasts('now', { count: 5 }),
    ];
    expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(5);
    for (const key of keys) expect(key.slice(0, 4)).toEqual(recordingKeys.lists());
  });

  it('should include every report parameter in report keys', () => {
    const a = recordingKeys.reports('access', { range: 'ALL', dnName: 'dn-1' });
    const b = recordingKeys.reports('access', { range: 'ALL', dnName: 'dn-2' });
    expect(a).not.toEqual(b);
    expect(recordingKeys.reports('viewers', { programId: 'p1' })).not.toEqual(
      recordingKeys.reports('program-access', { programId: 'p1' }),
    );
  });
});
