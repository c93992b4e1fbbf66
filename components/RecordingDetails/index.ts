export { RecordingDetails, type RecordingDetailsProps } from './RecordingDetails';
