export { SignalList, type SignalListProps } from './SignalList';
export { useSignalList, type SignalListState } from './useSignalList';
