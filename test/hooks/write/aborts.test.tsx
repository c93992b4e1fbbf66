import { waitFor } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { useChatSession } from '../../../hooks/useChatSession';
import { usePlaybackAddress } from '../../../hooks/usePlaybackAddress';
import { renderWithService, testConfig } from './harness';

// A real server on 127.0.0.1 (no MSW in this file): it sees the connection close when the client aborts,
// which MSW's interception of jsdom's XHR does not show its handlers.

interface Hanging {
  path: string;
  aborted: boolean;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server that never answers and records which requests the client gave up on. */
async function hangingServer(): Promise<{ requests: Hanging[]; port: number }> {
  const requests: Hanging[] = [];
  server = createServer((req, res) => {
    const entry: Hanging = { path: new URL(req.url ?? '/', 'http://x').pathname, aborted: false };
    requests.push(entry);
    res.on('close', () => {
      if (!res.writableEnded) entry.aborted = true;
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { requests, port: (server.address() as AddressInfo).port };
}

describe('aborting on unmount', () => {
  it('should abort a Q&A session fetch and a playback address fetch when their components unmount', async () => {
    const { requests, port } = await hangingServer();
    const config = testConfig({ host: '127.0.0.1', port, isSecure: false });
    const chat = renderWithService(() => useChatSession('p1', 's1', { pollMs: 0 }), { config });
    const playback = renderWithService(() => usePlaybackAddress('p1'), { config });
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests.every((r) => !r.aborted)).toBe(true);

    chat.unmount();
    await waitFor(() => expect(requests.find((r) => r.path.endsWith('/chat/sessions/s1'))?.aborted).toBe(true));
    expect(requests.find((r) => r.path.endsWith('/url'))?.aborted).toBe(false);
    playback.unmount();
    await waitFor(() => expect(requests.find((r) => r.path.endsWith('/url'))?.aborted).toBe(true));
  });
});
