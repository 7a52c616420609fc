export { SignalFilters, type SignalFiltersProps } from './SignalFilters';
export * from './filterModel';
