export { Afdelingsagenda, type AfdelingsagendaProps } from './Afdelingsagenda';
