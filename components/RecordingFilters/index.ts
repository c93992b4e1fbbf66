export { RecordingFilters, type RecordingFiltersProps, type RecordingFiltersValue } from './RecordingFilters';
