/**
 * The package's main entry (`react-recording-service`): the framework-free core, the provider, the key and
 * query factories, and every hook.
 */
export * from '../src/index';
export * from '../src/keys';
export {
  recordingQueries,
  recordingScope,
  recordingKeysFor,
  findCachedProgram,
  PROGRAM_STALE_TIME_MS,
  CATALOG_STALE_TIME_MS,
  type RecordingQueryOptions,
  type CachedProgram,
} from '../src/queries';
export {
  defaultRecordingServiceMessages,
  type RecordingServiceMessages,
  type RecordingServiceContextValue,
} from '../src/context';
export { RecordingServiceProvider, type RecordingServiceProviderProps } from '../src/provider';

export { useRecordingService } from './useRecordingService';
