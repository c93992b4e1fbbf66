export { SessionStatus, type SessionStatusProps } from './SessionStatus';
