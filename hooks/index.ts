/**
 * The package's main entry (`react-recording-service`): the framework-free modular core (context, one
 * function per operation, sign-in, the bound client), the provider, the key and query factories, and every
 * hook. Everything is a named export of a side-effect-free module, so a bundler keeps only what an app uses.
 */
export * from '../src/core/index';
export * from '../src/react/keys';
/** `queryOptions` factories of every read, taking a context (or a client) first: see src/react/queries.ts. */
export * as recordingQueries from '../src/react/queries';
export type { RecordingQuery } from '../src/react/queries';
export {
  recordingScope,
  findCachedProgram,
  PROGRAM_STALE_TIME_MS,
  CATALOG_STALE_TIME_MS,
  type RecordingQueryOptions,
  type CachedProgram,
} from '../src/react/fetching';
export type { RecordingServiceContextValue } from '../src/react/context';
export type { RecordingServiceMessages } from '../src/react/messages';
export { RecordingServiceProvider, type RecordingServiceProviderProps } from '../src/react/provider';

// Reads
export * from './useRecordingService';
export * from './useRecordingClient';
export * from './useRecordings';
export * from './useInfiniteRecordings';
export * from './useSuspenseRecordings';
export * from './useRecordingsByCategory';
export * from './useRecordingsByPublisher';
export * from './useBroadcasts';
export * from './useRecording';
export * from './useSuspenseRecording';
export * from './usePrefetchRecording';
export * from './useRecordingStatus';
export * from './useCategories';
export * from './useCategory';
export * from './useTemplates';
export * from './useTemplate';
export * from './useSystemSettings';
export * from './useTenant';
export * from './useGuestAccess';
export * from './useAccessReport';
export * from './useProgramAccessReport';
export * from './useProgramViewers';

// Session, writes, playback, reports, downloads and Q&A
export * from './useRecordingSession';
export * from './useUpdateRecording';
export * from './useDeleteRecording';
export * from './useRestoreRecording';
export * from './useUnlockRecording';
export * from './usePlaybackAddress';
export * from './useViewReport';
export * from './useDownloadRecording';
export * from './useChatSessions';
export * from './useChatSession';
export * from './useOpenChatSession';
export * from './usePostChatMessage';
