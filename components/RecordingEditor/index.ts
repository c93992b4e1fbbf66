export { RecordingEditor, type RecordingEditorProps } from './RecordingEditor';
