import { defineList } from './define-list.js';

/**
 * The learning module's records (issue 9), in the municipality's own site next to its
 * departments. Only *that* and *when* a person completed the module is kept: no answers,
 * no scores. Nothing is written until the app admin has switched recording on for the
 * municipality (the works council must consent first, WOR art. 27).
 */
export const learningCompletionsList = defineList({
  name: 'learningCompletions',
  title: 'WT_LeermoduleAfgerond',
  description: 'Wie de leermodule signalen herkennen heeft afgerond en wanneer; geen antwoorden (Weerbaar Twente)',
  fields: {
    Title: { type: 'text', required: true, maxLength: 255, displayName: 'Omschrijving' },
    MunicipalityCode: { type: 'text', required: true, indexed: true, maxLength: 4, displayName: 'Gemeente (CBS-code)' },
    PersonUpn: { type: 'text', required: true, indexed: true, maxLength: 255, displayName: 'Medewerker (UPN)' },
    Department: { type: 'text', required: true, indexed: true, maxLength: 255, displayName: 'Afdeling bij afronden' },
    CompletedOn: { type: 'dateTime', required: true, displayName: 'Afgerond op' },
    ModuleVersion: { type: 'text', required: true, maxLength: 32, displayName: 'Versie van de module' },
  },
});

/** Switches the app admin sets per municipality; one item per municipality and setting. */
export const MUNICIPALITY_SETTING_KEYS = ['learning-recording'] as const;
export type MunicipalitySettingKey = (typeof MUNICIPALITY_SETTING_KEYS)[number];

export const municipalitySettingsList = defineList({
  name: 'municipalitySettings',
  title: 'WT_Instellingen',
  description: 'Instellingen per gemeente, zoals het vastleggen van afronding van de leermodule (Weerbaar Twente)',
  fields: {
    Title: { type: 'text', required: true, maxLength: 255, displayName: 'Omschrijving' },
    MunicipalityCode: { type: 'text', required: true, indexed: true, maxLength: 4, displayName: 'Gemeente (CBS-code)' },
    SettingKey: { type: 'choice', required: true, indexed: true, choices: MUNICIPALITY_SETTING_KEYS, displayName: 'Instelling' },
    Enabled: { type: 'boolean', required: true, displayName: 'Aan' },
    /** Where the consent is recorded (e.g. the works council's decision), required to switch on. */
    Basis: { type: 'text', maxLength: 255, displayName: 'Grondslag (bijv. instemming OR)' },
    ChangedOn: { type: 'dateTime', required: true, displayName: 'Gewijzigd op' },
    ChangedBy: { type: 'text', required: true, maxLength: 255, displayName: 'Gewijzigd door (UPN)' },
  },
});
