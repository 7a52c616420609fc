/**
 * The basis-op-orde catalogue: the 20 requirements in 5 themes that every Twente
 * municipality has agreed to meet (projectplan "Weerbare Overheid en Maatschappij",
 * appendix "BIJLAGE BASIS OP ORDE"). The Dutch texts are the plan's own words, kept
 * verbatim including their list punctuation, so a municipality recognises exactly what
 * it signed up to; only the plan's misspelling "ondernijning" is corrected.
 * Requirement ids are a contract: rounds, checklists and acceptance checks rely on them.
 */

type Text = { readonly nl: string; readonly en: string };

export const THEME_IDS = [1, 2, 3, 4, 5] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export interface Theme {
  id: ThemeId;
  title: Text;
}

export const THEMES: readonly Theme[] = [
  { id: 1, title: { nl: '(Interne) bewustwording en organisatie', en: '(Internal) awareness and organisation' } },
  { id: 2, title: { nl: 'Informatiepositie', en: 'Information position' } },
  { id: 3, title: { nl: 'Beleid en handhaving', en: 'Policy and enforcement' } },
  { id: 4, title: { nl: 'Integere veilige werkomgeving', en: 'A safe working environment with integrity' } },
  { id: 5, title: { nl: 'Communicatie en voorlichting', en: 'Communication and public information' } },
];

export const REQUIREMENT_IDS = [
  '1a', '1b', '1c', '1d',
  '2a', '2b', '2c', '2d', '2e',
  '3a', '3b', '3c', '3d', '3e', '3f', '3g',
  '4a', '4b', '4c',
  '5a',
] as const;
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/**
 * Where the app itself can tell whether a requirement is met, so nobody has to tick it
 * by hand: the yearly department discussions (1a), a configured MT contact (1c) and a
 * live internal reporting channel, the signal bot (2b).
 */
export const DERIVATION_SOURCES = ['agenda-registrations', 'mt-contact-configured', 'signal-channel-live'] as const;
export type DerivationSource = (typeof DERIVATION_SOURCES)[number];

export const DERIVATION_SOURCE_LABELS: Record<DerivationSource, Text> = {
  'agenda-registrations': {
    nl: 'Afgeleid uit de geregistreerde afdelingsbesprekingen',
    en: 'Derived from the recorded department discussions',
  },
  'mt-contact-configured': {
    nl: 'Afgeleid uit het ingestelde MT-aanspreekpunt ondermijning',
    en: 'Derived from the configured MT contact person',
  },
  'signal-channel-live': {
    nl: 'Afgeleid uit het werkende interne meldpunt (de meldbot)',
    en: 'Derived from the working internal reporting channel (the signal bot)',
  },
};

export interface Requirement {
  id: RequirementId;
  themeId: ThemeId;
  /** The letter as the plan numbers it within its theme ("a", "b", ...). */
  letter: string;
  text: Text;
  /** Set when the app derives the status itself; null when people assess it. */
  derivedFrom: DerivationSource | null;
}

type RequirementDefinition = Omit<Requirement, 'id' | 'letter'>;

// A Record keyed by RequirementId makes the compiler refuse a missing or extra requirement.
const DEFINITIONS: Record<RequirementId, RequirementDefinition> = {
  '1a': {
    themeId: 1,
    derivedFrom: 'agenda-registrations',
    text: {
      nl: 'Ondermijning wordt als thema periodiek (ten minste jaarlijks) in iedere afdeling geagendeerd;',
      en: 'Subversive crime is put on the agenda of every department as a theme periodically (at least once a year).',
    },
  },
  '1b': {
    themeId: 1,
    derivedFrom: null,
    text: {
      nl: 'Aan het thema ondermijning wordt periodiek aandacht besteed in het MT en College en ter bespreking aangeboden aan de gemeenteraad;',
      en: 'The theme of subversive crime is given attention periodically in the management team and the Board of Mayor and Aldermen, and is presented to the municipal council for discussion.',
    },
  },
  '1c': {
    themeId: 1,
    derivedFrom: 'mt-contact-configured',
    text: {
      nl: 'Elke gemeente heeft binnen het MT een aanspreekpunt ondermijning;',
      en: 'Every municipality has a contact person for subversive crime within its management team.',
    },
  },
  '1d': {
    themeId: 1,
    derivedFrom: null,
    text: {
      nl: 'Elke gemeente gaat concreet en planmatig aan de slag met de aanbevelingen uit de weerbaarheidsscan.',
      en: 'Every municipality works concretely and systematically on the recommendations of the resilience scan.',
    },
  },
  '2a': {
    themeId: 2,
    derivedFrom: null,
    text: {
      nl: 'Elke gemeente is aangesloten bij Meld Misdaad Anoniem;',
      en: 'Every municipality is affiliated with Meld Misdaad Anoniem (Report Crime Anonymously).',
    },
  },
  '2b': {
    themeId: 2,
    derivedFrom: 'signal-channel-live',
    text: {
      nl: 'Elke gemeente heeft een intern meldpunt;',
      en: 'Every municipality has an internal reporting point.',
    },
  },
  '2c': {
    themeId: 2,
    derivedFrom: null,
    text: {
      nl: 'Elke gemeente heeft aantoonbare capaciteit voor regievoering op ondermijning;',
      en: 'Every municipality has demonstrable capacity for directing the approach to subversive crime.',
    },
  },
  '2d': {
    themeId: 2,
    derivedFrom: null,
    text: {
      nl: 'Iedere gemeente heeft periodieke afstemming met sleutelfiguren waarin signalen worden besproken en opgepakt;',
      en: 'Every municipality consults key figures periodically, discussing signals and acting on them.',
    },
  },
  '2e': {
    themeId: 2,
    derivedFrom: null,
    text: {
      nl: 'Iedere gemeente vergroot de kennis over rechtmatige en doelmatige informatie-uitwisseling en registratie.',
      en: 'Every municipality increases its knowledge of lawful and effective information exchange and registration.',
    },
  },
  '3a': {
    themeId: 3,
    derivedFrom: null,
    text: {
      nl: 'Ondermijning is een prioriteit in het integrale veiligheidsplan van de gemeente;',
      en: "Subversive crime is a priority in the municipality's integral safety plan.",
    },
  },
  '3b': {
    themeId: 3,
    derivedFrom: null,
    text: {
      nl: 'In het lokale uitvoeringsprogramma handhaving is voldoende capaciteit voor ondermijning opgenomen;',
      en: 'The local enforcement implementation programme includes sufficient capacity for subversive crime.',
    },
  },
  '3c': {
    themeId: 3,
    derivedFrom: null,
    text: {
      nl: 'Neem een vergunningsplicht op in de APV voor aangewezen risicovolle panden, gebieden of branches (ondermijningsartikel);',
      en: 'Include a licence requirement in the general local by-law (APV) for designated high-risk premises, areas or sectors (the subversive crime article).',
    },
  },
  '3d': {
    themeId: 3,
    derivedFrom: null,
    text: {
      nl: 'Actueel bibob-beleid is aanwezig;',
      en: 'An up-to-date Bibob policy is in place.',
    },
  },
  '3e': {
    themeId: 3,
    derivedFrom: null,
    text: {
      nl: 'Bestuurlijke opvolging wordt gegeven aan hennepberichten en bestuurlijke rapportages;',
      en: 'Administrative follow-up is given to cannabis reports and administrative reports.',
    },
  },
  '3f': {
    themeId: 3,
    derivedFrom: null,
    text: {
      nl: 'Aantoonbare capaciteit en expertise is aanwezig om integrale controles uit te kunnen voeren;',
      en: 'Demonstrable capacity and expertise are available to carry out integrated inspections.',
    },
  },
  '3g': {
    themeId: 3,
    derivedFrom: null,
    text: {
      nl: 'Aantoonbare capaciteit en kennis is aanwezig om bestuurlijke opvolging te geven aan ondermijningscasuïstiek.',
      en: 'Demonstrable capacity and knowledge are available to give administrative follow-up to subversive crime cases.',
    },
  },
  '4a': {
    themeId: 4,
    derivedFrom: null,
    text: {
      nl: 'Iedere medewerker heeft de ambtseed of belofte afgelegd;',
      en: 'Every employee has taken the oath or affirmation of office.',
    },
  },
  '4b': {
    themeId: 4,
    derivedFrom: null,
    text: {
      nl: 'Iedere nieuwe medewerker overlegt een verklaring omtrent gedrag;',
      en: 'Every new employee submits a certificate of conduct (VOG).',
    },
  },
  '4c': {
    themeId: 4,
    derivedFrom: null,
    text: {
      nl: 'Integriteit maakt deel uit van het personeelsbeleid.',
      en: 'Integrity is part of the human resources policy.',
    },
  },
  '5a': {
    themeId: 5,
    derivedFrom: null,
    text: {
      nl: 'Voorlichting geven aan kwetsbare doelgroepen om te voorkomen dat zij betrokken raken bij ondermijning, nieuwe aanwas tegengaan.',
      en: 'Inform vulnerable groups to prevent them from becoming involved in subversive crime, and counter new recruitment.',
    },
  },
};

/** All requirements in the plan's order (theme by theme, letter by letter). */
export const REQUIREMENTS: readonly Requirement[] = REQUIREMENT_IDS.map((id) => ({
  id,
  letter: id.slice(1),
  ...DEFINITIONS[id],
}));

export function isRequirementId(value: unknown): value is RequirementId {
  return typeof value === 'string' && (REQUIREMENT_IDS as readonly string[]).includes(value);
}

export function requirementById(id: RequirementId): Requirement {
  return { id, letter: id.slice(1), ...DEFINITIONS[id] };
}

export function requirementsOfTheme(themeId: ThemeId): readonly Requirement[] {
  return REQUIREMENTS.filter((requirement) => requirement.themeId === themeId);
}

/** How a requirement stands; "onbekend" until someone (or the app) has assessed it. */
export const ASSESSMENT_STATUSES = ['voldaan', 'deels', 'niet-voldaan', 'onbekend'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, Text> = {
  voldaan: { nl: 'Voldaan', en: 'Met' },
  deels: { nl: 'Deels voldaan', en: 'Partly met' },
  'niet-voldaan': { nl: 'Niet voldaan', en: 'Not met' },
  onbekend: { nl: 'Onbekend', en: 'Unknown' },
};

/** The two measurement rounds of a year: a self-scan in January, an independent final measurement in July. */
export const ROUND_TYPES = ['zelfscan', 'eindmeting'] as const;
export type RoundType = (typeof ROUND_TYPES)[number];

export const ROUND_TYPE_LABELS: Record<RoundType, Text> = {
  zelfscan: { nl: 'Tussentijdse zelfscan', en: 'Interim self-assessment' },
  eindmeting: { nl: 'Onafhankelijke eindmeting', en: 'Independent final measurement' },
};
