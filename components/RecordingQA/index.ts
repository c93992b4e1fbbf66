export { RecordingQA, type RecordingQAProps } from './RecordingQA';
