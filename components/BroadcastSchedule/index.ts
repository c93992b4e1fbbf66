export { BroadcastSchedule, type BroadcastScheduleProps } from './BroadcastSchedule';
