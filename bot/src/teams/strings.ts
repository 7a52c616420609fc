import type { Language } from '@weerbaar/shared';

/** User-facing bot text. Dutch first; English for Teams clients set to en-*. */
const STRINGS = {
  nl: {
    welcome:
      'Hallo! Ik ben het meldpunt ondermijning van je gemeente. Zie je in je werk iets dat kan wijzen op ' +
      'criminaliteit die misbruik maakt van de gemeente, meld het hier in een minuut: met naam, vertrouwelijk of anoniem. ' +
      'Wat we bewaren en hoe lang staat in de privacyverklaring: /privacy. Bij direct gevaar: bel 112.',
    foreignTenant:
      'Dit meldpunt hoort bij een andere organisatie, dus ik kan je melding hier niet aannemen. ' +
      'Gebruik het meldpunt van je eigen gemeente, of Meld Misdaad Anoniem (0800-7000).',
  },
  en: {
    welcome:
      "Hello! I am your municipality's reporting point for subversive crime. If you notice something at work that may " +
      'point to organised crime abusing the municipality, report it here in a minute: named, confidential or anonymous. ' +
      'What we keep and for how long is in the privacy notice: /privacy. In an emergency: call 112.',
    foreignTenant:
      'This reporting point belongs to another organisation, so I cannot take your report here. ' +
      "Please use your own municipality's reporting point, or Meld Misdaad Anoniem (0800-7000).",
  },
} as const;

export type BotStrings = (typeof STRINGS)['nl'];

export function botStrings(language: Language): BotStrings {
  return STRINGS[language];
}
