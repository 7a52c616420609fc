import type { Language } from '@weerbaar/shared';

/**
 * Wording of the anonymous form, at language level B1: short sentences, everyday words,
 * "je" as in the bot. The questions are those of the bot's intake card.
 */
export const FORM_TEXT = {
  nl: {
    title: 'Anoniem een vermoeden van ondermijning melden',
    intro: 'Zie je iets dat niet klopt en dat kan wijzen op criminele invloed? Meld het hier. Je hoeft je naam niet te geven. Invullen duurt ongeveer vijf minuten.',
    required: 'Velden zonder "(niet verplicht)" moet je invullen.',
    municipalityLegend: 'Over welke gemeente gaat je melding?',
    categoryLegend: 'Waar gaat je melding over?',
    categoryHint: 'Kies wat het beste past. Twijfel je? Kies dan "Overig".',
    descriptionLabel: 'Wat is er gebeurd?',
    descriptionHint: 'Schrijf zo precies mogelijk op wat je hebt gezien of gehoord. Gebruik minstens 10 tekens.',
    locationLabel: 'Waar was het?',
    locationHint: 'Bijvoorbeeld een adres, straat, wijk, bedrijf of pand.',
    whenLegend: 'Wanneer was het?',
    whenHint: 'Vul een datum in, of beschrijf de periode. Niet allebei.',
    occurredOnLabel: 'Datum',
    periodLabel: 'Of een periode',
    periodHint: 'Bijvoorbeeld: sinds maart, of elk weekend.',
    involvedLabel: 'Wie of wat is erbij betrokken? (niet verplicht)',
    involvedHint: 'Bijvoorbeeld een naam, bedrijf, kenteken of pand.',
    noticedHowLabel: 'Hoe heb je het gemerkt? (niet verplicht)',
    noticedHowHint: 'Bijvoorbeeld aan de balie, bij een huisbezoek of in een aanvraag.',
    concernsLegend: 'Gaat je melding over de behandelaar? (niet verplicht)',
    concernsLabel: 'Mijn melding gaat over het MT-aanspreekpunt ondermijning van de gemeente',
    concernsHint: 'Kruis dit aan als de melding gaat over de persoon die meldingen normaal behandelt. Dan gaat je melding naar iemand anders.',
    anonymityReminder: 'Schrijf niets op waaraan iemand kan zien wie je bent, als je dat niet wilt.',
    submit: 'Melding versturen',
    errorSummaryTitle: 'Controleer deze punten',
    errorPrefix: 'Fout:',
  },
  en: {
    title: 'Report a suspicion of subversive crime anonymously',
    intro: 'Do you see something that is not right and may point to criminal influence? Report it here. You do not have to give your name. It takes about five minutes.',
    required: 'You must fill in the fields without "(optional)".',
    municipalityLegend: 'Which municipality is your report about?',
    categoryLegend: 'What is your report about?',
    categoryHint: 'Choose what fits best. Not sure? Choose "Other".',
    descriptionLabel: 'What happened?',
    descriptionHint: 'Write down as precisely as you can what you saw or heard. Use at least 10 characters.',
    locationLabel: 'Where was it?',
    locationHint: 'For example an address, street, neighbourhood, business or building.',
    whenLegend: 'When was it?',
    whenHint: 'Enter a date, or describe the period. Not both.',
    occurredOnLabel: 'Date',
    periodLabel: 'Or a period',
    periodHint: 'For example: since March, or every weekend.',
    involvedLabel: 'Who or what is involved? (optional)',
    involvedHint: 'For example a name, business, number plate or building.',
    noticedHowLabel: 'How did you notice it? (optional)',
    noticedHowHint: 'For example at the front desk, during a home visit or in an application.',
    concernsLegend: 'Is your report about the person who handles reports? (optional)',
    concernsLabel: "My report is about the municipality's MT contact person for subversive crime",
    concernsHint: 'Tick this if your report is about the person who normally handles reports. Your report then goes to someone else.',
    anonymityReminder: 'Do not write anything that shows who you are, unless you want to.',
    submit: 'Send report',
    errorSummaryTitle: 'Please check these points',
    errorPrefix: 'Error:',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** What can be wrong with a field, independent of the schema's English messages. */
export type FieldProblem = 'required' | 'tooShort' | 'tooLong' | 'invalid' | 'future' | 'both' | 'singleLine' | 'controlCharacters' | 'unserved';

type ProblemText = (details: { max?: number; min?: number; length?: number }) => string;

export const FIELD_PROBLEMS: Record<Language, Record<string, Partial<Record<FieldProblem, ProblemText>>>> = {
  nl: {
    municipality: {
      required: () => 'Kies de gemeente waar je melding over gaat.',
      unserved: () => 'Deze gemeente kun je hier niet kiezen. Kies een gemeente uit de lijst.',
    },
    category: { required: () => 'Kies waar je melding over gaat.', invalid: () => 'Kies waar je melding over gaat.' },
    description: { required: () => 'Schrijf op wat er is gebeurd.', tooShort: ({ min }) => `Schrijf op wat er is gebeurd, in minstens ${min} tekens.` },
    location: { required: () => 'Vul in waar het was.' },
    occurredOn: {
      required: () => 'Vul een datum of een periode in.',
      invalid: () => 'Vul een bestaande datum in, zoals 2026-03-15 (jaar-maand-dag).',
      future: () => 'De datum mag niet in de toekomst liggen.',
    },
    period: { both: () => 'Vul een datum óf een periode in, niet allebei.', singleLine: () => 'Schrijf de periode op één regel.' },
    submissionId: { invalid: () => 'Het formulier is niet compleet verstuurd. Verstuur het nog een keer.' },
    '*': {
      tooLong: ({ max, length }) => `Dit is te lang. Gebruik maximaal ${max} tekens. Je hebt er nu ${length}.`,
      controlCharacters: () => 'Hier staat een teken in dat niet kan. Haal het weg en probeer het opnieuw.',
      invalid: () => 'Dit klopt niet. Controleer wat je hebt ingevuld.',
      required: () => 'Vul dit in.',
    },
  },
  en: {
    municipality: {
      required: () => 'Choose the municipality your report is about.',
      unserved: () => 'You cannot choose this municipality here. Choose a municipality from the list.',
    },
    category: { required: () => 'Choose what your report is about.', invalid: () => 'Choose what your report is about.' },
    description: { required: () => 'Write down what happened.', tooShort: ({ min }) => `Write down what happened, in at least ${min} characters.` },
    location: { required: () => 'Enter where it was.' },
    occurredOn: {
      required: () => 'Enter a date or a period.',
      invalid: () => 'Enter a real date, such as 2026-03-15 (year-month-day).',
      future: () => 'The date cannot be in the future.',
    },
    period: { both: () => 'Enter a date or a period, not both.', singleLine: () => 'Write the period on one line.' },
    submissionId: { invalid: () => 'The form was not sent completely. Please send it again.' },
    '*': {
      tooLong: ({ max, length }) => `This is too long. Use at most ${max} characters. You now have ${length}.`,
      controlCharacters: () => 'This contains a character that is not allowed. Remove it and try again.',
      invalid: () => 'This is not right. Check what you entered.',
      required: () => 'Fill this in.',
    },
  },
};

export function problemText(lang: Language, field: string, problem: FieldProblem, details: { max?: number; min?: number; length?: number } = {}): string {
  const own = FIELD_PROBLEMS[lang][field]?.[problem];
  const fallback = FIELD_PROBLEMS[lang]['*']?.[problem] ?? FIELD_PROBLEMS[lang]['*']!.invalid!;
  return (own ?? fallback)(details);
}
