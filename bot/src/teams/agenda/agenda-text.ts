import type { Language, NudgeStage } from '@weerbaar/shared';

/**
 * The words of the agenda nudge: Dutch for Dutch-speaking heads, English for en-* locales.
 * Friendly and short: the head is asked for one agenda item a year, not lectured.
 */
export interface AgendaTexts {
  title(department: string): string;
  stageLine(stage: NudgeStage | 'later', dueDate: string): string;
  escalationLine(department: string, dueDate: string): string;
  why: string;
  agendaHeading: string;
  agendaText(department: string): string;
  questionsHeading: string;
  questions: readonly string[];
  recognitionLink: string;
  plannedAction: string;
  plannedDateLabel: string;
  plannedDateError: string;
  createMeeting: string;
  meetingSubject(department: string): string;
  discussedAction: string;
  discussedDateLabel: string;
  discussedDateError: string;
  notesLabel: string;
  notesPlaceholder: string;
  attendeesLabel: string;
  save: string;
  laterAction: string;
  plannedStatus(date: string): string;
  discussedStatus(date: string, nextDue: string): string;
  laterStatus(date: string): string;
  refused: string;
  invalid(field: string): string;
  fallbackText(department: string, dueDate: string): string;
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 maart 2026" / "12 March 2026" from "2026-03-12"; no Intl needed, no time zone involved. */
export function longDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  const months = language === 'nl' ? MONTHS_NL : MONTHS_EN;
  return `${day ?? ''} ${months[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}

const NL: AgendaTexts = {
  title: (department) => `Ondermijning op de agenda van ${department}`,
  stageLine: (stage, dueDate) => {
    const due = longDate(dueDate, 'nl');
    if (stage === 'due') return `Vandaag is de dag: bespreek ondermijning uiterlijk ${due} in je afdelingsoverleg.`;
    if (stage === 'after-due' || stage === 'escalation') return `Het jaarlijkse gesprek over ondermijning stond gepland vóór ${due}. Plan het zo snel mogelijk in.`;
    if (stage === 'later') return `Zoals gevraagd herinner ik je eraan: bespreek ondermijning vóór ${due} in je afdelingsoverleg.`;
    return `Zet ondermijning vóór ${due} op de agenda van je afdelingsoverleg.`;
  },
  escalationLine: (department, dueDate) =>
    `${department} heeft ondermijning nog niet besproken: de termijn verliep op ${longDate(dueDate, 'nl')}, ook na de herinneringen aan het afdelingshoofd. Wil je het met het afdelingshoofd oppakken?`,
  why:
    'Criminelen proberen de gemeente te gebruiken via vergunningen, subsidies, vastgoed of medewerkers, en collega\'s zien de eerste signalen vaak als eersten. Eén keer per jaar samen bespreken wat je herkent en hoe je meldt, maakt de afdeling weerbaarder (eis 1a van de basis op orde).',
  agendaHeading: 'Voorstel voor de agenda',
  agendaText: (department) =>
    `Agendapunt: ondermijning (${department}, 15 minuten). Wat herkennen we in ons werk, hoe melden we een signaal via het meldpunt in Teams, en wat hebben we het afgelopen jaar gezien?`,
  questionsHeading: 'Vragen voor het gesprek',
  questions: [
    'Waar in ons werk kunnen criminelen misbruik maken van de gemeente (vergunningen, inkoop, uitkeringen, vastgoed)?',
    'Welke signalen hebben we het afgelopen jaar gezien, en wat hebben we ermee gedaan?',
    'Weet iedereen hoe je een signaal meldt, ook anoniem?',
    'Hoe gaan we om met druk of intimidatie van klanten of aanvragers?',
  ],
  recognitionLink: 'Voorbeelden van signalen herkennen',
  plannedAction: 'Ingepland op…',
  plannedDateLabel: 'Datum van het overleg',
  plannedDateError: 'Kies de datum waarop het overleg is.',
  createMeeting: 'Teams-vergadering maken',
  meetingSubject: (department) => `Ondermijning: jaarlijks gesprek ${department}`,
  discussedAction: 'Besproken op…',
  discussedDateLabel: 'Datum van het gesprek',
  discussedDateError: 'Kies de datum waarop het besproken is (niet in de toekomst).',
  notesLabel: 'Korte notitie (optioneel, geen namen of meldingen)',
  notesPlaceholder: 'Bijvoorbeeld: voorbeelden doorgenomen, meldroute uitgelegd',
  attendeesLabel: 'Aantal aanwezigen (optioneel)',
  save: 'Opslaan',
  laterAction: 'Herinner me later',
  plannedStatus: (date) => `📅 Ingepland op ${longDate(date, 'nl')}. Registreer na het overleg hier dat het besproken is.`,
  discussedStatus: (date, nextDue) =>
    `✅ Besproken op ${longDate(date, 'nl')}: geregistreerd, dank je wel! Het volgende gesprek is vóór ${longDate(nextDue, 'nl')}.`,
  laterStatus: (date) => `⏰ Ik herinner je er op ${longDate(date, 'nl')} weer aan.`,
  refused: 'Dit kan ik niet registreren: je bent geen (plaatsvervangend) hoofd van deze afdeling of MT-aanspreekpunt.',
  invalid: (field) => `Dit kan ik niet registreren: controleer ${field === 'attendees' ? 'het aantal aanwezigen' : field === 'notes' ? 'de notitie' : 'de datum'}.`,
  fallbackText: (department, dueDate) => `Zet ondermijning vóór ${longDate(dueDate, 'nl')} op de agenda van ${department}.`,
};

const EN: AgendaTexts = {
  title: (department) => `Ondermijning on the agenda of ${department}`,
  stageLine: (stage, dueDate) => {
    const due = longDate(dueDate, 'en');
    if (stage === 'due') return `Today is the day: discuss ondermijning (subversive crime) in your team meeting by ${due}.`;
    if (stage === 'after-due' || stage === 'escalation') return `The yearly discussion of ondermijning was due by ${due}. Please plan it as soon as you can.`;
    if (stage === 'later') return `As you asked, a reminder: discuss ondermijning in your team meeting before ${due}.`;
    return `Please put ondermijning (subversive crime) on your team meeting's agenda before ${due}.`;
  },
  escalationLine: (department, dueDate) =>
    `${department} has not yet discussed ondermijning: it was due on ${longDate(dueDate, 'en')}, even after the reminders to the head of department. Could you take it up with them?`,
  why:
    'Criminals try to use the municipality through permits, grants, property or staff, and colleagues often see the first signs. Discussing once a year what you recognise and how to report it makes the department more resilient (requirement 1a of the basis op orde).',
  agendaHeading: 'Suggested agenda item',
  agendaText: (department) =>
    `Agenda item: ondermijning (${department}, 15 minutes). What do we recognise in our work, how do we report a signal through the reporting point in Teams, and what did we see in the past year?`,
  questionsHeading: 'Questions for the discussion',
  questions: [
    'Where in our work could criminals misuse the municipality (permits, procurement, benefits, property)?',
    'Which signs did we see in the past year, and what did we do with them?',
    'Does everyone know how to report a signal, anonymously too?',
    'How do we deal with pressure or intimidation from clients or applicants?',
  ],
  recognitionLink: 'Examples of signs to recognise',
  plannedAction: 'Planned for…',
  plannedDateLabel: 'Date of the meeting',
  plannedDateError: 'Choose the date of the meeting.',
  createMeeting: 'Create a Teams meeting',
  meetingSubject: (department) => `Ondermijning: yearly discussion ${department}`,
  discussedAction: 'Discussed on…',
  discussedDateLabel: 'Date of the discussion',
  discussedDateError: 'Choose the date it was discussed (not in the future).',
  notesLabel: 'Short note (optional, no names or reports)',
  notesPlaceholder: 'For example: went through the examples, explained how to report',
  attendeesLabel: 'Number of attendees (optional)',
  save: 'Save',
  laterAction: 'Remind me later',
  plannedStatus: (date) => `📅 Planned for ${longDate(date, 'en')}. After the meeting, record here that it was discussed.`,
  discussedStatus: (date, nextDue) =>
    `✅ Discussed on ${longDate(date, 'en')}: recorded, thank you! The next discussion is due before ${longDate(nextDue, 'en')}.`,
  laterStatus: (date) => `⏰ I will remind you again on ${longDate(date, 'en')}.`,
  refused: 'I cannot record this: you are not the head (or deputy head) of this department or the MT contact.',
  invalid: (field) => `I cannot record this: please check ${field === 'attendees' ? 'the number of attendees' : field === 'notes' ? 'the note' : 'the date'}.`,
  fallbackText: (department, dueDate) => `Please put ondermijning on the agenda of ${department} before ${longDate(dueDate, 'en')}.`,
};

export function agendaTexts(language: Language): AgendaTexts {
  return language === 'nl' ? NL : EN;
}
