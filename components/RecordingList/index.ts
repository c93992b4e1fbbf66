export { RecordingList, type RecordingListProps } from './RecordingList';
