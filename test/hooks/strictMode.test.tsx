import { waitFor } from '@testing-library/react';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import { useChatSessions, usePlaybackAddress, useRecording, useRecordings } from '../../hooks';
import { renderWithService, setupNetwork, PROGRAMS } from './write/harness';

// MSW sees every request the client starts, aborted ones included, so these counts catch a request that
// StrictMode's simulated unmount aborted and its remount sent again.
const sent: string[] = [];
const json = (body: JsonBodyType, type: string) =>
  HttpResponse.json(body, { headers: { 'content-type': `application/vnd.avaya.${type}+json` } });
setupNetwork(
  http.get(PROGRAMS, ({ request }) => {
    sent.push(`list ${new URL(request.url).search}`);
    return json({ items: [{ id: 'a', name: 'A' }], totalItemCount: 1 }, 'asr.paged.list.v2');
  }),
  http.get(`${PROGRAMS}/p1`, () => {
    sent.push('detail');
    return json({ id: 'p1', name: 'One' }, 'asr.program.v2');
  }),
  http.get(`${PROGRAMS}/p1/url`, () => {
    sent.push('url');
    return json({ available: true }, 'asr.program.address.v2');
  }),
  http.get(`${PROGRAMS}/p1/chat/sessions/`, () => {
    sent.push('chat');
    return json([], 'asr.list.v2');
  }),
);

describe('hooks under StrictMode', () => {
  it('should send one request per resource when StrictMode mounts twice', async () => {
    sent.length = 0;
    const { result } = renderWithService(
      () => ({
        list: useRecordings({ count: 5 }),
        detail: useRecording('p1'),
        address: usePlaybackAddress('p1'),
        chat: useChatSessions('p1'),
      }),
      { strict: true },
    );
    await waitFor(() => {
      const { list, detail, address, chat } = result.current;
      expect([list, detail, address, chat].every((query) => query.isSuccess)).toBe(true);
    });
    expect(sent.sort()).toEqual(['chat', 'detail', 'list ?count=5&tenantId=default', 'url'].sort());
  });
});
