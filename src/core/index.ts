export * from './types';
export * from './errors';
export * from './config';
export {
  createRecordingContext,
  onSessionExpired,
  type RecordingContext,
  type CreateRecordingContextOptions,
  type SessionState,
  type SessionStore,
  type SessionSnapshot,
} from './context';
export * from './programs';
export * from './catalog';
export * from './chat';
export * from './settings';
export * from './reports';
export { signIn, signOut } from './session';
export * from './client';
