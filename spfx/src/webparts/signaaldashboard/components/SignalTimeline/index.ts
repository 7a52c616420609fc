export { SignalTimeline } from './SignalTimeline';
