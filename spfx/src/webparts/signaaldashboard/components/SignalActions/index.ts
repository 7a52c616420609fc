export { SignalActions, type SignalActionsProps } from './SignalActions';
