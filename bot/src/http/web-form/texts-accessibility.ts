import type { Language } from '@weerbaar/shared';

/** The accessibility statement: what was done, how it was checked, and what is not done yet. */
export const ACCESSIBILITY_TEXT: Record<Language, { title: string; sections: readonly { heading: string; paragraphs: readonly string[]; list?: readonly string[] }[] }> = {
  nl: {
    title: 'Toegankelijkheidsverklaring',
    sections: [
      {
        heading: 'Voor iedereen bruikbaar',
        paragraphs: [
          'We willen dat iedereen dit meldformulier en de statuspagina kan gebruiken. We bouwen ze volgens de WCAG 2.1 op niveau AA. Dat is de norm voor websites van de overheid (EN 301 549).',
        ],
      },
      {
        heading: 'Wat we hebben gedaan',
        paragraphs: [],
        list: [
          'Alles werkt zonder JavaScript. Met JavaScript komt er alleen een teller bij die laat zien hoeveel tekens je hebt gebruikt.',
          'Je kunt alles met alleen het toetsenbord bedienen. Waar je bent, zie je aan een duidelijke rand.',
          'Elk veld heeft een label. Keuzes staan in groepen met een kop, zodat een schermlezer ze goed voorleest.',
          'Gaat er iets mis, dan staat bovenaan een lijst met wat je moet verbeteren. Elke fout staat ook bij het veld zelf. Wat je al had ingevuld, blijft staan.',
          'De teksten zijn geschreven op taalniveau B1. De pagina’s zijn er in het Nederlands en het Engels.',
          'Tekst en achtergrond hebben genoeg contrast. Je kunt inzoomen tot 400 procent zonder dat er iets wegvalt.',
          'Er is geen tijdslimiet. Je kunt het formulier zo lang openhouden als je wilt.',
        ],
      },
      {
        heading: 'Hoe we het hebben gecontroleerd',
        paragraphs: [
          'We controleren het formulier, de foutmeldingen, de bevestiging en de statuspagina bij elke wijziging automatisch met axe-core. We testen ook of alles met alleen het toetsenbord werkt.',
        ],
      },
      {
        heading: 'Wat nog niet klaar is',
        paragraphs: [
          'Een onafhankelijk onderzoek (audit) door een deskundige partij is nog niet gedaan. Daarom voldoen we nog niet aantoonbaar volledig aan de norm.',
        ],
      },
      {
        heading: 'Werkt iets niet?',
        paragraphs: [
          'Neem dan contact op met je gemeente via de gewone contactgegevens op de website van de gemeente. Je hoeft dan niets te vertellen over een melding.',
          'Kun je dit formulier niet gebruiken? Bel dan Meld Misdaad Anoniem: 0800-7000. Is er direct gevaar? Bel 112.',
        ],
      },
    ],
  },
  en: {
    title: 'Accessibility statement',
    sections: [
      {
        heading: 'Usable for everyone',
        paragraphs: [
          'We want everyone to be able to use this report form and the status page. We build them to WCAG 2.1 level AA, the standard for government websites (EN 301 549).',
        ],
      },
      {
        heading: 'What we have done',
        paragraphs: [],
        list: [
          'Everything works without JavaScript. With JavaScript you only get a counter that shows how many characters you have used.',
          'You can do everything with the keyboard alone. A clear outline shows where you are.',
          'Every field has a label. Choices are grouped under a heading, so a screen reader reads them out properly.',
          'If something goes wrong, a list at the top shows what to correct. Each error is also shown next to its field. What you already filled in stays there.',
          'The texts are written in plain language (level B1). The pages are available in Dutch and English.',
          'Text and background have enough contrast. You can zoom in to 400 percent without losing anything.',
          'There is no time limit. You can keep the form open as long as you like.',
        ],
      },
      {
        heading: 'How we checked it',
        paragraphs: [
          'With every change we check the form, the error messages, the confirmation and the status page automatically with axe-core. We also test that everything works with the keyboard alone.',
        ],
      },
      {
        heading: 'What is not done yet',
        paragraphs: [
          'An independent audit by an expert party has not been done yet. So we cannot yet show that we fully meet the standard.',
        ],
      },
      {
        heading: 'Something not working?',
        paragraphs: [
          "Contact your municipality through the usual contact details on the municipality's website. You do not have to say anything about a report.",
          'Cannot use this form? Call Meld Misdaad Anoniem (Report Crime Anonymously): 0800-7000. Is there immediate danger? Call 112.',
        ],
      },
    ],
  },
};
