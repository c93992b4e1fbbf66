export { createRecordingEmulator } from './emulator';
export type { EmulatorFaults, EmulatorRequestRecord, RecordingEmulator, RecordingEmulatorOptions } from './emulator';
export type { EmulatorFault, EmulatorFaultKind } from './faults';
export type { EmulatorResources } from './context';
export { DEFAULT_RESOURCES } from './context';
export { MEDIA_TYPES } from './http';
export { EMULATOR_ORDER_BY } from './routes-programs';
export { MAX_CHAT_MESSAGE_LENGTH } from './routes-chat';
export { EMULATOR_MODERATOR_PIN, EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from './seeds';
export { sampleMp4, sampleMp4Md5 } from './media';
export type {
  EmulatorChatSession,
  EmulatorProgram,
  EmulatorRole,
  EmulatorSeedData,
  EmulatorSeedName,
  EmulatorState,
  EmulatorTenant,
  EmulatorUser,
  EmulatorView,
} from './types';
export { EMULATOR_ACME_USER, EMULATOR_AUTHORIZATION_PATH, EMULATOR_TENANT_ID, EMULATOR_USERS } from './users';
