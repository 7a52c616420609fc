// The drawer itself is imported lazily (React.lazy) by the dashboard; only its props type is re-exported here.
export type { SignalDetailDrawerProps } from './SignalDetailDrawer';
