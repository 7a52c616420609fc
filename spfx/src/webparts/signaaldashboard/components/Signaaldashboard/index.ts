export { Signaaldashboard, type SignaaldashboardProps } from './Signaaldashboard';
