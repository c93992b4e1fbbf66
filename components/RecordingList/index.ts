export { RecordingList, type RecordingListProps } from './RecordingList';
export {
  RecordingListMeta,
  RecordingListRow,
  RecordingListSelect,
  RecordingListThumbnail,
  type RecordingListItem,
  type RecordingListSelectProps,
} from './RecordingListItem';
