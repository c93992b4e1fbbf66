export { DeleteRecordingButton, type DeleteRecordingButtonProps } from './DeleteRecordingButton';
