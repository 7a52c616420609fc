import { ASSESSMENT_STATUSES, REQUIREMENT_IDS } from '../domain/catalogue.js';
import { defineList } from './define-list.js';

/**
 * The working checklist of basis op orde (issue 6): one item per municipality and
 * requirement, kept by the MT contact and the app admin in the municipality's own site.
 * Evidence and actions are JSON arrays in note columns, because SharePoint has no
 * repeating field and a separate list per item would need atomic writes across items.
 */
export const CHECKLIST_TEXT_LIMITS = {
  explanation: 4000,
  evidence: 8000,
  actions: 16000,
  overrideReason: 1000,
  owner: 255,
} as const;

export const checklistList = defineList({
  name: 'checklist',
  title: 'WT_BasisOpOrde',
  description: 'Werklijst basis op orde: status, toelichting, bewijs en verbeteracties per eis (Weerbaar Twente)',
  fields: {
    Title: { type: 'text', required: true, maxLength: 255, displayName: 'Eis' },
    MunicipalityCode: { type: 'text', required: true, indexed: true, maxLength: 4, displayName: 'Gemeente (CBS-code)' },
    RequirementId: { type: 'choice', required: true, indexed: true, choices: REQUIREMENT_IDS, displayName: 'Eis (id)' },
    Status: { type: 'choice', required: true, choices: ASSESSMENT_STATUSES, displayName: 'Status' },
    Explanation: { type: 'note', maxLength: CHECKLIST_TEXT_LIMITS.explanation, displayName: 'Toelichting' },
    Evidence: { type: 'note', maxLength: CHECKLIST_TEXT_LIMITS.evidence, displayName: 'Bewijs (JSON: titel en link)' },
    Owner: { type: 'text', maxLength: CHECKLIST_TEXT_LIMITS.owner, displayName: 'Eigenaar' },
    Actions: { type: 'note', maxLength: CHECKLIST_TEXT_LIMITS.actions, displayName: 'Verbeteracties (JSON)' },
    DerivedOverride: { type: 'boolean', displayName: 'Afgeleide status overschreven' },
    OverrideReason: { type: 'note', maxLength: CHECKLIST_TEXT_LIMITS.overrideReason, displayName: 'Reden van overschrijven' },
  },
});

/**
 * The change history where the store keeps none itself (the embedded SQLite adapter). In
 * SharePoint the checklist list's own version history is the change history; this list is
 * written only where that is missing, always after the item update succeeded, so a crash
 * between the two loses at most one history line and never leaves a line without a change.
 */
export const checklistHistoryList = defineList({
  name: 'checklistHistory',
  title: 'WT_BasisOpOrdeHistorie',
  description: 'Wijzigingen in de werklijst basis op orde: wie, wanneer, van en naar (Weerbaar Twente)',
  fields: {
    Title: { type: 'text', required: true, maxLength: 255, displayName: 'Omschrijving' },
    MunicipalityCode: { type: 'text', required: true, indexed: true, maxLength: 4, displayName: 'Gemeente (CBS-code)' },
    RequirementId: { type: 'choice', required: true, indexed: true, choices: REQUIREMENT_IDS, displayName: 'Eis (id)' },
    ChangedAt: { type: 'dateTime', required: true, displayName: 'Gewijzigd op' },
    ChangedBy: { type: 'text', required: true, maxLength: 255, displayName: 'Gewijzigd door (UPN)' },
    Changes: { type: 'note', required: true, maxLength: 63000, displayName: 'Wijzigingen (JSON: veld, van, naar)' },
  },
});
