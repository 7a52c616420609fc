import { EMERGENCY_ADVICE, type Language } from '@weerbaar/shared';

/** Texts shared by every page of the anonymous form. */
export const LAYOUT_TEXT = {
  nl: {
    siteName: 'Weerbaar Twente: anoniem melden',
    languageName: 'Nederlands',
    skipLink: 'Naar de inhoud',
    errorPrefix: 'Fout:',
    and: ' en ',
    emergency: EMERGENCY_ADVICE.text.nl,
    formLink: 'Een melding doen',
    statusLink: 'Status van je melding bekijken',
    accessibilityLink: 'Toegankelijkheid',
  },
  en: {
    siteName: 'Weerbaar Twente: report anonymously',
    languageName: 'English',
    skipLink: 'Skip to content',
    errorPrefix: 'Error:',
    and: ' and ',
    emergency: EMERGENCY_ADVICE.text.en,
    formLink: 'Make a report',
    statusLink: 'Check the status of your report',
    accessibilityLink: 'Accessibility',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** What is stored and what is not; said before anyone types a word. */
export const PRIVACY_TEXT: Record<Language, { title: string; points: readonly string[]; emergency: string }> = {
  nl: {
    title: 'Wat we bewaren',
    points: [
      'We bewaren alleen wat je in dit formulier invult. Dat slaan we versleuteld op. Alleen de mensen bij de gemeente die meldingen over ondermijning behandelen, kunnen het lezen.',
      'We bewaren niets over jou: geen naam, geen IP-adres en geen cookies. Ook in onze logbestanden staat geen IP-adres.',
      'Je browsergeschiedenis en het netwerk dat je gebruikt (bijvoorbeeld op je werk) kunnen wel laten zien dat je deze pagina hebt bezocht. Wat je invult, zien zij niet. Wil je ook dat niet? Gebruik dan een privévenster of een ander apparaat.',
      'Na het versturen krijg je een ontvangstcode. Daarmee lees je later reacties en beantwoord je vragen. We bewaren de code zelf niet, alleen een controlewaarde. Daarom kunnen wij je code niet terugvinden.',
      'We bewaren je melding zolang dat nodig is om hem af te handelen. Daarna verwijderen we hem.',
    ],
    emergency: `Wil je helemaal buiten de gemeente om melden? Bel Meld Misdaad Anoniem: ${EMERGENCY_ADVICE.meldMisdaadAnoniemNumber}. Is er direct gevaar? Bel ${EMERGENCY_ADVICE.emergencyNumber}.`,
  },
  en: {
    title: 'What we store',
    points: [
      'We only store what you fill in on this form. We store it encrypted. Only the people at the municipality who handle reports of subversive crime can read it.',
      'We store nothing about you: no name, no IP address and no cookies. Our log files contain no IP address either.',
      'Your browser history and the network you use (for example at work) can show that you visited this page. They cannot see what you fill in. Do you not want that either? Use a private window or another device.',
      'After sending, you get a receipt code. With it you can later read replies and answer questions. We do not store the code itself, only a check value. That is why we cannot find your code for you.',
      'We keep your report as long as needed to handle it. After that we delete it.',
    ],
    emergency: `Want to report fully outside the municipality? Call Meld Misdaad Anoniem (Report Crime Anonymously): ${EMERGENCY_ADVICE.meldMisdaadAnoniemNumber}. Is there immediate danger? Call ${EMERGENCY_ADVICE.emergencyNumber}.`,
  },
};

export const RECEIPT_TEXT = {
  nl: {
    title: 'Je melding is verstuurd',
    thanks: 'Bedankt voor je melding.',
    reference: 'Nummer van je melding',
    codeTitle: 'Je ontvangstcode',
    writeDown: 'Schrijf deze code nu op, of bewaar hem op een veilige plek. We laten de code maar één keer zien. Wij kunnen hem niet terugvinden of opnieuw maken.',
    whyCode: 'Met de code kun je op de statuspagina lezen wat er met je melding gebeurt, en vragen van de behandelaar beantwoorden. Zonder de code kan dat niet.',
    terms: 'De gemeente bevestigt binnen 7 dagen dat je melding is ontvangen. Binnen 3 maanden hoor je wat er met je melding is gedaan. Kijk daarom af en toe op de statuspagina.',
    keepSafe: 'Bewaar de code niet op een plek waar anderen hem kunnen vinden, zoals een gedeelde computer.',
    statusLink: 'Naar de statuspagina',
    newReport: 'Nog een melding doen',
    duplicateTitle: 'Deze melding was al verstuurd',
    duplicate: 'We hadden dit formulier al ontvangen. Er is dus geen tweede melding gemaakt. De ontvangstcode is alleen de eerste keer getoond. Heb je hem niet gezien? Doe dan een nieuwe melding en schrijf de code op.',
  },
  en: {
    title: 'Your report has been sent',
    thanks: 'Thank you for your report.',
    reference: 'Number of your report',
    codeTitle: 'Your receipt code',
    writeDown: 'Write this code down now, or keep it in a safe place. We show the code only once. We cannot find it again or make a new one.',
    whyCode: 'With the code you can read on the status page what happens with your report, and answer questions from the person handling it. Without the code you cannot.',
    terms: 'The municipality confirms within 7 days that your report was received. Within 3 months you hear what was done with your report. So check the status page now and then.',
    keepSafe: 'Do not keep the code where others can find it, such as on a shared computer.',
    statusLink: 'Go to the status page',
    newReport: 'Make another report',
    duplicateTitle: 'This report was already sent',
    duplicate: 'We had already received this form, so no second report was made. The receipt code was shown only the first time. Did you not see it? Then make a new report and write the code down.',
  },
} as const satisfies Record<Language, Record<string, string>>;

export const LIMIT_TEXT = {
  nl: {
    title: 'Het is nu even te druk',
    body: 'Er zijn net veel meldingen verstuurd. Daarom nemen we even geen nieuwe aan. Probeer het over een kwartier opnieuw. Wat je hebt ingevuld, staat hieronder nog in het formulier.',
    statusBody: 'Er wordt net heel vaak een code gecontroleerd. Probeer het over een kwartier opnieuw.',
    alternative: `Kan het niet wachten? Bel Meld Misdaad Anoniem: ${EMERGENCY_ADVICE.meldMisdaadAnoniemNumber}. Is er direct gevaar? Bel ${EMERGENCY_ADVICE.emergencyNumber}.`,
  },
  en: {
    title: 'It is too busy right now',
    body: 'Many reports were sent just now, so we are not taking new ones for a while. Please try again in a quarter of an hour. What you filled in is still in the form below.',
    statusBody: 'Codes are being checked very often right now. Please try again in a quarter of an hour.',
    alternative: `Can it not wait? Call Meld Misdaad Anoniem (Report Crime Anonymously): ${EMERGENCY_ADVICE.meldMisdaadAnoniemNumber}. Is there immediate danger? Call ${EMERGENCY_ADVICE.emergencyNumber}.`,
  },
} as const satisfies Record<Language, Record<string, string>>;

export const FAILURE_TEXT = {
  nl: {
    title: 'Er ging iets mis',
    body: 'Er ging bij ons iets mis. Je melding is niet verstuurd. Probeer het later opnieuw.',
    tooLarge: 'Wat je hebt verstuurd is veel te groot. Maak je tekst korter en probeer het opnieuw.',
    notFound: 'Deze pagina bestaat niet.',
  },
  en: {
    title: 'Something went wrong',
    body: 'Something went wrong on our side. Your report was not sent. Please try again later.',
    tooLarge: 'What you sent is far too large. Make your text shorter and try again.',
    notFound: 'This page does not exist.',
  },
} as const satisfies Record<Language, Record<string, string>>;
