// @vitest-environment node
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createRecordingEmulator } from '../../src/emulator/emulator';
import { recordingServiceHandlers } from '../../src/testing/msw';
import { defineContract } from './contract';
import { configFor } from './helpers';

const baseUrl = 'http://acsr.test';
const authUrl = 'http://portal.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

defineContract({
  name: 'MSW handlers',
  async start(options) {
    const emulator = createRecordingEmulator(options);
    server.resetHandlers(...recordingServiceHandlers(emulator, { baseUrl, authUrl }));
    return { emulator, baseUrl, config: configFor(baseUrl, authUrl), stop: async () => server.resetHandlers() };
  },
});
