import type { Language, SignalStatus } from '@weerbaar/shared';

export const STATUS_TEXT = {
  nl: {
    title: 'Status van je melding',
    intro: 'Vul de ontvangstcode in die je kreeg na het versturen van je melding. Dan zie je wat er met je melding gebeurt en kun je vragen beantwoorden.',
    codeLabel: 'Je ontvangstcode',
    codeHint: 'Hoofdletters en kleine letters maken niet uit. Streepjes en spaties mag je weglaten.',
    show: 'Status bekijken',
    notFound: 'Bij deze code vinden we geen melding. Controleer of je de code goed hebt overgenomen en probeer het opnieuw.',
    emptyCode: 'Vul je ontvangstcode in.',
    reference: 'Nummer van je melding',
    receivedOn: 'Verstuurd op',
    status: 'Status',
    messagesTitle: 'Berichten',
    noMessages: 'Er zijn nog geen berichten.',
    fromHandler: 'Behandelaar van de gemeente',
    fromYou: 'Jij',
    replyLabel: 'Je antwoord of aanvulling',
    replyHint: 'Schrijf niets op waaraan iemand kan zien wie je bent, als je dat niet wilt.',
    send: 'Antwoord versturen',
    sent: 'Je antwoord is verstuurd.',
    replyEmpty: 'Schrijf eerst je antwoord.',
    closedNoReply: 'Deze melding is afgesloten. Je kunt niet meer antwoorden. Heb je nieuwe informatie? Doe dan een nieuwe melding.',
    done: 'Klaar? Sluit dan dit venster, zodat niemand anders je melding kan lezen.',
    unavailable: 'Berichten lezen en beantwoorden kan hier nog niet. De status zie je wel.',
  },
  en: {
    title: 'Status of your report',
    intro: 'Enter the receipt code you got after sending your report. You then see what happens with your report and can answer questions.',
    codeLabel: 'Your receipt code',
    codeHint: 'Capital and small letters make no difference. You may leave out dashes and spaces.',
    show: 'Check status',
    notFound: 'We find no report for this code. Check that you copied the code correctly and try again.',
    emptyCode: 'Enter your receipt code.',
    reference: 'Number of your report',
    receivedOn: 'Sent on',
    status: 'Status',
    messagesTitle: 'Messages',
    noMessages: 'There are no messages yet.',
    fromHandler: 'Person handling your report at the municipality',
    fromYou: 'You',
    replyLabel: 'Your answer or extra information',
    replyHint: 'Do not write anything that shows who you are, unless you want to.',
    send: 'Send answer',
    sent: 'Your answer has been sent.',
    replyEmpty: 'Write your answer first.',
    closedNoReply: 'This report is closed. You can no longer answer. Do you have new information? Then make a new report.',
    done: 'Done? Close this window, so that nobody else can read your report.',
    unavailable: 'Reading and answering messages is not possible here yet. You can see the status.',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** What each status means for the reporter, in plain words. */
export const STATUS_EXPLANATION: Record<SignalStatus, Record<Language, string>> = {
  received: {
    nl: 'We hebben je melding ontvangen. Iemand van de gemeente gaat ernaar kijken.',
    en: 'We have received your report. Someone at the municipality will look at it.',
  },
  acknowledged: {
    nl: 'De behandelaar heeft je melding gelezen en de ontvangst bevestigd.',
    en: 'The person handling it has read your report and confirmed receipt.',
  },
  'in-progress': {
    nl: 'De gemeente is met je melding bezig.',
    en: 'The municipality is working on your report.',
  },
  forwarded: {
    nl: 'Je melding is doorgestuurd naar een andere organisatie, zoals de politie of het RIEC.',
    en: 'Your report has been passed on to another organisation, such as the police or the RIEC.',
  },
  closed: {
    nl: 'De gemeente heeft je melding afgehandeld.',
    en: 'The municipality has finished handling your report.',
  },
};
