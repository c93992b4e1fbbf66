/**
 * The components entry (`react-recording-service/components`). Components are built on the hooks of the
 * main entry; their stylesheet is `react-recording-service/styles.css` (light, dark and high-contrast themes:
 * `data-rrs-theme` on any ancestor, else the user's `prefers-color-scheme`). Labels are English unless the
 * provider gets `messages`, e.g. `germanRecordingServiceMessages`.
 */
export * from './SessionStatus';
export * from './RecordingList';
export * from './RecordingFilters';
export * from './DeleteRecordingButton';
export * from './RecordingEditor';
export * from './RecordingDetails';
export * from './RecordingPlayer';
export * from './RecordingBrowser';
export * from './BroadcastSchedule';
export * from './RecordingQA';
export * from './RecycleBin';
export * from './AccessReportTable';
export * from './ViewerReport';
export { defaultRecordingServiceMessages } from './messages';
export { germanRecordingServiceMessages } from './messages.de';
