export { RecordingPlayer, type RecordingPlayerProps, type RecordingPlayerSource } from './RecordingPlayer';
