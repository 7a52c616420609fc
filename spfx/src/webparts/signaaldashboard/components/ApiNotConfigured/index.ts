export { ApiNotConfigured } from './ApiNotConfigured';
