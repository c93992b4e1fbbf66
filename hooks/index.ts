/**
 * The package's main entry (`react-recording-service`): the framework-free core, the provider, the key and
 * query factories, and every hook.
 */
export * from '../src/core/index';
export * from '../src/react/keys';
export {
  recordingQueries,
  recordingScope,
  recordingKeysFor,
  findCachedProgram,
  PROGRAM_STALE_TIME_MS,
  CATALOG_STALE_TIME_MS,
  type RecordingQueryOptions,
  type CachedProgram,
} from '../src/react/queries';
export type { RecordingServiceContextValue } from '../src/react/context';
export type { RecordingServiceMessages } from '../src/react/messages';
export { RecordingServiceProvider, type RecordingServiceProviderProps } from '../src/react/provider';

// Reads
export * from './useRecordingService';
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
