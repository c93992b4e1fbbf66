// @vitest-environment node
import { createRecordingEmulator } from '../../src/emulator/emulator';
import { startEmulatorServer } from '../../src/emulator/server';
import { defineContract } from './contract';
import { configFor } from './helpers';

defineContract({
  name: 'the node server',
  async start(options) {
    const server = await startEmulatorServer({ port: 0, emulator: createRecordingEmulator(options) });
    return {
      emulator: server.emulator,
      baseUrl: server.url,
      config: configFor(server.url),
      stop: () => server.close(),
    };
  },
});
