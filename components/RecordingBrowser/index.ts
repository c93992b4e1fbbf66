export { RecordingBrowser, type RecordingBrowserProps } from './RecordingBrowser';
