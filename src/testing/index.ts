export * from '../emulator/index';
export { recordingServiceHandlers } from './msw';
export type { RecordingServiceHandlersOptions } from './msw';
export {
  makeCategory,
  makeChatMessage,
  makeChatSession,
  makePagedList,
  makeProgram,
  makePrograms,
  makeTemplate,
} from './fixtures';
export {
  createTestQueryClient,
  RecordingServiceTestProvider,
  TEST_AUTH_BASE_URL,
  TEST_RECORDING_BASE_URL,
  TEST_RECORDING_CONFIG,
  type RecordingServiceTestProviderProps,
} from './TestProvider';
