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
