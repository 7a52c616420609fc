export { DashboardProvider, useDashboard, type DashboardServices } from './DashboardContext';
