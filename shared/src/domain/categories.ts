import { CATEGORY_IDS } from './signal.js';
import type { CategoryId, Confidentiality } from './signal.js';

/**
 * What an employee sees when choosing a category and a reporting mode. The examples
 * are taken from daily municipal work on purpose: people report what they recognise,
 * and most do not think of their own observation as "ondermijning" until they see it named.
 */

type Text = { readonly nl: string; readonly en: string };

export interface CategoryInfo {
  id: CategoryId;
  label: Text;
  /** One line on the intake card under the category choice. */
  hint: Text;
  /** Situations an employee would recognise at work. */
  examples: readonly Text[];
}

const CATEGORY_INFO: Record<CategoryId, Omit<CategoryInfo, 'id'>> = {
  drugs: {
    label: { nl: 'Drugs', en: 'Drugs' },
    hint: {
      nl: 'Aanwijzingen voor teelt, productie of opslag van drugs.',
      en: 'Signs of growing, producing or storing drugs.',
    },
    examples: [
      {
        nl: 'Een woning of schuur met afgeplakte ramen, een sterke hennepgeur of opvallend hoog stroomverbruik.',
        en: 'A house or barn with covered windows, a strong smell of cannabis or remarkably high power use.',
      },
      {
        nl: 'Vaten, jerrycans of chemisch afval gedumpt in het buitengebied.',
        en: 'Drums, jerrycans or chemical waste dumped in the countryside.',
      },
      {
        nl: 'Een loods waar vooral \'s nachts busjes komen en gaan, met een chemische lucht eromheen.',
        en: 'A shed where vans mostly come and go at night, with a chemical smell around it.',
      },
    ],
  },
  witwassen: {
    label: { nl: 'Witwassen', en: 'Money laundering' },
    hint: {
      nl: 'Geld waarvan de herkomst onduidelijk is en dat een legale bestemming krijgt.',
      en: 'Money of unclear origin being given a legal destination.',
    },
    examples: [
      {
        nl: 'Een zaak die vrijwel alleen contant werkt en veel omzet heeft, maar nauwelijks klanten.',
        en: 'A business that deals almost only in cash and has a high turnover, but hardly any customers.',
      },
      {
        nl: 'Panden die contant of via stromannen worden gekocht.',
        en: 'Properties bought in cash or through straw men.',
      },
      {
        nl: 'Een aanvrager met een bescheiden inkomen die dure auto\'s, panden of verbouwingen betaalt.',
        en: 'An applicant with a modest income who pays for expensive cars, properties or renovations.',
      },
    ],
  },
  mensenhandel: {
    label: { nl: 'Mensenhandel en uitbuiting', en: 'Human trafficking and exploitation' },
    hint: {
      nl: 'Mensen die gedwongen of uitgebuit lijken te worden, in werk, wonen of seks.',
      en: 'People who seem to be forced or exploited, in work, housing or sex.',
    },
    examples: [
      {
        nl: 'Veel arbeidsmigranten ingeschreven op één adres.',
        en: 'Many migrant workers registered at one address.',
      },
      {
        nl: 'Iemand aan de balie die zijn eigen paspoort of papieren niet zelf bij zich heeft en een begeleider het woord laat doen.',
        en: 'Someone at the counter who does not hold their own passport or papers and lets a companion do the talking.',
      },
      {
        nl: 'Signalen van prostitutie in een woning, massagesalon of hotel.',
        en: 'Signs of sex work in a house, massage parlour or hotel.',
      },
    ],
  },
  zorgfraude: {
    label: { nl: 'Zorgfraude', en: 'Care fraud' },
    hint: {
      nl: 'Zorg- of ondersteuningsgeld dat niet bij de zorg terechtkomt.',
      en: 'Care or support money that does not end up in care.',
    },
    examples: [
      {
        nl: 'Een zorgaanbieder met declaraties of cliëntenaantallen die niet kunnen kloppen.',
        en: 'A care provider whose invoices or number of clients cannot be right.',
      },
      {
        nl: 'Een woning waar zorg wordt gegeven zonder dat er een zorgaanbieder bekend is.',
        en: 'A house where care is given without any known care provider.',
      },
      {
        nl: 'Cliënten die de zorg die op hun naam wordt gedeclareerd nooit hebben gekregen.',
        en: 'Clients who never received the care invoiced in their name.',
      },
    ],
  },
  vastgoed: {
    label: { nl: 'Vastgoed- en adresfraude', en: 'Real estate and address fraud' },
    hint: {
      nl: 'Misbruik van woningen, panden of inschrijvingen op een adres.',
      en: 'Abuse of homes, buildings or address registrations.',
    },
    examples: [
      {
        nl: 'Een malafide verhuurder die kamers verhuurt tegen woekerprijzen.',
        en: 'A rogue landlord letting rooms at extortionate rents.',
      },
      {
        nl: 'Veel inschrijvingen op één adres, of inschrijvingen die steeds wisselen.',
        en: 'Many registrations at one address, or registrations that keep changing.',
      },
      {
        nl: 'Leegstaande agrarische schuren die aan onbekenden worden verhuurd.',
        en: 'Vacant farm buildings rented out to unknown parties.',
      },
    ],
  },
  bedrijvigheid: {
    label: { nl: 'Verdachte bedrijvigheid en vergunningen', en: 'Suspicious businesses and permits' },
    hint: {
      nl: 'Bedrijven of aanvragen waarbij de financiering of de echte eigenaar onduidelijk is.',
      en: 'Businesses or applications where the financing or the real owner is unclear.',
    },
    examples: [
      {
        nl: 'Een vergunning- of Bibob-aanvraag met onduidelijke financiering of een katvanger als eigenaar.',
        en: 'A permit or Bibob application with unclear financing or a front man as owner.',
      },
      {
        nl: 'Een shishalounge, autobedrijf of nagelsalon die open blijft zonder zichtbare klanten.',
        en: 'A shisha lounge, car dealer or nail bar that stays open without visible customers.',
      },
      {
        nl: 'Een vakantiepark waar chalets permanent bewoond worden of vaak van huurder wisselen.',
        en: 'A holiday park where chalets are lived in permanently or often change tenants.',
      },
      {
        nl: 'Een bedrijf dat kort na de vorige sluiting onder een andere naam op hetzelfde adres opnieuw begint.',
        en: 'A business that starts again under another name at the same address shortly after the last one closed.',
      },
    ],
  },
  intimidatie: {
    label: { nl: 'Intimidatie, omkoping en integriteit', en: 'Intimidation, bribery and integrity' },
    hint: {
      nl: 'Druk op of beïnvloeding van medewerkers, bestuurders of raadsleden.',
      en: 'Pressure on, or influence over, staff, officials or council members.',
    },
    examples: [
      {
        nl: 'Een aanvrager die je onder druk zet, bedreigt of opvallend goed weet waar je woont.',
        en: 'An applicant who puts pressure on you, threatens you or knows strikingly well where you live.',
      },
      {
        nl: 'Een cadeau, gunst of aanbod om een aanvraag sneller of anders af te handelen.',
        en: 'A gift, favour or offer to handle an application faster or differently.',
      },
      {
        nl: 'Vertrouwelijke informatie die buiten de organisatie bekend blijkt te zijn.',
        en: 'Confidential information that turns out to be known outside the organisation.',
      },
    ],
  },
  overig: {
    label: { nl: 'Overig', en: 'Other' },
    hint: {
      nl: 'Iets anders dat niet klopt en kan wijzen op criminele invloed.',
      en: 'Something else that is not right and may point to criminal influence.',
    },
    examples: [
      {
        nl: 'Een situatie die je niet vertrouwt maar in geen van de andere groepen past.',
        en: 'A situation you do not trust that fits none of the other groups.',
      },
      {
        nl: 'Een patroon dat je ziet door meerdere kleine dingen samen.',
        en: 'A pattern you notice from several small things together.',
      },
      {
        nl: 'Een buurtbewoner of ondernemer die je iets vertelt waar je van schrikt.',
        en: 'A resident or business owner who tells you something that alarms you.',
      },
    ],
  },
};

/** All categories in the order of the intake card. */
export const CATEGORIES: readonly CategoryInfo[] = CATEGORY_IDS.map((id) => ({ id, ...CATEGORY_INFO[id] }));

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

export function categoryById(id: CategoryId): CategoryInfo {
  return { id, ...CATEGORY_INFO[id] };
}

export interface ConfidentialityLabel {
  label: Text;
  /** What actually happens to the reporter's identity; shown before the reporter chooses. */
  explanation: Text;
}

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, ConfidentialityLabel> = {
  named: {
    label: { nl: 'Met naam', en: 'With my name' },
    explanation: {
      nl: 'Het MT-aanspreekpunt ondermijning van je gemeente ziet je naam en kan je om een toelichting vragen.',
      en: 'The MT contact person for subversive crime of your municipality sees your name and can ask you for more details.',
    },
  },
  confidential: {
    label: { nl: 'Vertrouwelijk', en: 'Confidential' },
    explanation: {
      nl: 'Je identiteit wordt versleuteld opgeslagen en alleen getoond aan de rollen die het beleid toestaat, als dat nodig is. Elke inzage in je identiteit wordt vastgelegd.',
      en: 'Your identity is stored encrypted and shown only to the roles the policy allows, when needed. Every access to your identity is logged.',
    },
  },
  anonymous: {
    label: { nl: 'Anoniem', en: 'Anonymous' },
    explanation: {
      nl: 'De app slaat niets op waarmee je herleidbaar bent, maar Microsoft 365 bewaart dit gesprek zoals elke Teams-chat, en bestanden die je in Teams stuurt komen in je eigen OneDrive; daarom kun je in deze modus geen bijlagen meesturen. Wil je volledig anoniem melden, gebruik dan het anonieme webformulier of Meld Misdaad Anoniem (0800-7000).',
      en: 'The app stores nothing that identifies you, but Microsoft 365 keeps this conversation like any Teams chat, and files you send in Teams land in your own OneDrive, so this mode takes no attachments. For full anonymity, use the anonymous web form or Meld Misdaad Anoniem (0800-7000).',
    },
  },
};

/** Shown wherever a report starts: the app is no emergency channel and not the only way to report. */
export const EMERGENCY_ADVICE = {
  emergencyNumber: '112',
  meldMisdaadAnoniemNumber: '0800-7000',
  text: {
    nl: 'Is er direct gevaar? Bel 112. Wil je buiten de gemeente om en volledig anoniem melden? Bel Meld Misdaad Anoniem: 0800-7000.',
    en: 'Is there immediate danger? Call 112. Want to report outside the municipality and fully anonymously? Call Meld Misdaad Anoniem (Report Crime Anonymously): 0800-7000.',
  },
} as const;
