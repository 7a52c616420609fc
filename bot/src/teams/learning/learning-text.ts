import type { Language } from '@weerbaar/shared';

/** What the bot says around the learning module (the module's own texts are data, in shared/learning). */
export interface LearningTexts {
  progress(number: number, total: number, category: string): string;
  answerLabel: string;
  answerRequired: string;
  answerButton: string;
  pauseButton: string;
  startButton: string;
  yourAnswer(label: string): string;
  goodChoice: string;
  notBestChoice: string;
  better(labels: readonly string[]): string;
  whyHeading: string;
  chooseFirst: string;
  started(minutes: number): string;
  resumed(number: number, total: number): string;
  restarted: string;
  paused(number: number, total: number): string;
  nothingToPause: string;
  stale: string;
  recordedNote: string;
  notRecordedNote: string;
  webFormButton: string;
  invitationTitle: string;
  invitationOnboarding: string;
  invitationYearly: string;
  invitationFallback: string;
  welcomeOffer: string;
}

const nl: LearningTexts = {
  progress: (number, total, category) => `Vraag ${number} van ${total} · ${category}`,
  answerLabel: 'Kies wat je zou doen',
  answerRequired: 'Kies een antwoord.',
  answerButton: 'Antwoord geven',
  pauseButton: 'Later verder',
  startButton: 'Start de leermodule',
  yourAnswer: (label) => `Jouw antwoord: ${label}`,
  goodChoice: 'Goed gekozen.',
  notBestChoice: 'Niet de beste keuze.',
  better: (labels) => `Beter: ${labels.join(' / ')}`,
  whyHeading: 'Waarom?',
  chooseFirst: 'Kies eerst een antwoord en druk dan op "Antwoord geven".',
  started: (minutes) => `We beginnen. Het duurt ongeveer ${minutes} minuten.`,
  resumed: (number, total) => `We gaan verder waar je was: vraag ${number} van ${total}.`,
  restarted: 'De leermodule is intussen vernieuwd. We beginnen opnieuw bij vraag 1.',
  paused: (number, total) => `Gepauzeerd bij vraag ${number} van ${total}. Typ "verder" of "leren" als je wilt doorgaan.`,
  nothingToPause: 'Er loopt nu geen leermodule. Typ "leren" om te beginnen.',
  stale: 'Die vraag heb je al beantwoord. Hier is de vraag waar je nu bent.',
  recordedNote: 'Vastgelegd is alleen dát je de module hebt afgerond en wanneer. Je antwoorden zijn nergens bewaard.',
  notRecordedNote: 'Je antwoorden en je deelname zijn nergens vastgelegd.',
  webFormButton: 'Anoniem webformulier',
  invitationTitle: 'Leer in tien minuten signalen van ondermijning herkennen',
  invitationOnboarding:
    'Welkom bij de gemeente! Criminelen proberen soms misbruik te maken van de gemeente, bijvoorbeeld via een vergunning, een inschrijving of een verhuurd pand. In tien minuten oefen je met acht situaties uit het werk en leer je hoe je een signaal meldt. Je antwoorden worden niet bewaard.',
  invitationYearly:
    'Tijd voor je jaarlijkse opfrisser: in tien minuten oefen je weer met situaties uit het werk bij een Twentse gemeente en zie je hoe je een signaal meldt. Je antwoorden worden niet bewaard.',
  invitationFallback: 'Leer in tien minuten signalen van ondermijning herkennen: typ "leren" om te beginnen.',
  welcomeOffer: 'Nieuw hier? Leer in tien minuten signalen herkennen.',
};

const en: LearningTexts = {
  progress: (number, total, category) => `Question ${number} of ${total} · ${category}`,
  answerLabel: 'Choose what you would do',
  answerRequired: 'Choose an answer.',
  answerButton: 'Answer',
  pauseButton: 'Continue later',
  startButton: 'Start the learning module',
  yourAnswer: (label) => `Your answer: ${label}`,
  goodChoice: 'Good choice.',
  notBestChoice: 'Not the best choice.',
  better: (labels) => `Better: ${labels.join(' / ')}`,
  whyHeading: 'Why?',
  chooseFirst: 'First choose an answer, then press "Answer".',
  started: (minutes) => `Let us begin. It takes about ${minutes} minutes.`,
  resumed: (number, total) => `Let us continue where you were: question ${number} of ${total}.`,
  restarted: 'The learning module has been updated in the meantime. We start again at question 1.',
  paused: (number, total) => `Paused at question ${number} of ${total}. Type "continue" or "learn" when you want to go on.`,
  nothingToPause: 'No learning module is running now. Type "learn" to start.',
  stale: 'You have already answered that question. Here is the question you are at now.',
  recordedNote: 'Only the fact that you completed the module, and when, has been recorded. Your answers are not kept anywhere.',
  notRecordedNote: 'Neither your answers nor your taking part have been recorded.',
  webFormButton: 'Anonymous web form',
  invitationTitle: 'Learn to recognise signs of subversive crime in ten minutes',
  invitationOnboarding:
    'Welcome to the municipality! Criminals sometimes try to abuse the municipality, for example through a permit, a registration or a rented building. In ten minutes you practise with eight situations from work and learn how to report a signal. Your answers are not kept.',
  invitationYearly:
    'Time for your yearly refresher: in ten minutes you practise again with situations from work at a municipality in Twente and see how to report a signal. Your answers are not kept.',
  invitationFallback: 'Learn to recognise signs of subversive crime in ten minutes: type "learn" to start.',
  welcomeOffer: 'New here? Learn to recognise signals in ten minutes.',
};

export function learningTexts(language: Language): LearningTexts {
  return language === 'en' ? en : nl;
}

/** Words that start, pause and resume the module (after normaliseCommandText). */
export const LEARNING_WORDS = {
  start: ['leren', 'training', 'learn', 'leermodule', 'learning module', 'bewustwording'],
  pause: ['later', 'pauze', 'pauzeren', 'pause', 'later verder'],
  resume: ['verder', 'doorgaan', 'continue', 'resume', 'ga verder'],
} as const;
