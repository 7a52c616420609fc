export { Bewustwording, type BewustwordingProps } from './Bewustwording';
