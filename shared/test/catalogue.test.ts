import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_STATUS_LABELS,
  DERIVATION_SOURCE_LABELS,
  REQUIREMENTS,
  REQUIREMENT_IDS,
  ROUND_TYPES,
  ROUND_TYPE_LABELS,
  THEMES,
  isRequirementId,
  requirementById,
  requirementsOfTheme,
} from '../src/domain/catalogue.js';

describe('basis-op-orde catalogue', () => {
  it('holds the 20 requirements of the plan, in the plan order', () => {
    expect(REQUIREMENTS).toHaveLength(20);
    expect(REQUIREMENTS.map((requirement) => requirement.id)).toEqual([...REQUIREMENT_IDS]);
    expect(new Set(REQUIREMENT_IDS).size).toBe(20);
  });

  it.each([
    [1, 4, '(Interne) bewustwording en organisatie'],
    [2, 5, 'Informatiepositie'],
    [3, 7, 'Beleid en handhaving'],
    [4, 3, 'Integere veilige werkomgeving'],
    [5, 1, 'Communicatie en voorlichting'],
  ] as const)('theme %i has %i requirements and is titled "%s"', (themeId, size, title) => {
    const theme = THEMES.find((candidate) => candidate.id === themeId);
    expect(theme?.title.nl).toBe(title);
    expect(theme?.title.en).not.toBe('');
    const requirements = requirementsOfTheme(themeId);
    expect(requirements).toHaveLength(size);
    for (const requirement of requirements) {
      expect(requirement.id.startsWith(String(themeId))).toBe(true);
      expect(requirement.id).toBe(`${themeId}${requirement.letter}`);
    }
  });

  it.each([
    ['1a', 'Ondermijning wordt als thema periodiek (ten minste jaarlijks) in iedere afdeling geagendeerd;'],
    [
      '3c',
      'Neem een vergunningsplicht op in de APV voor aangewezen risicovolle panden, gebieden of branches (ondermijningsartikel);',
    ],
    [
      '3g',
      'Aantoonbare capaciteit en kennis is aanwezig om bestuurlijke opvolging te geven aan ondermijningscasuïstiek.',
    ],
    ['2b', 'Elke gemeente heeft een intern meldpunt;'],
  ] as const)('requirement %s carries the exact Dutch text of the plan', (id, text) => {
    expect(requirementById(id).text.nl).toBe(text);
  });

  it('never shows the plan misspelling "ondernijning", in any language or case', () => {
    const allText = JSON.stringify([THEMES, REQUIREMENTS]).toLowerCase();
    expect(allText).not.toContain('ondernijning');
    expect(allText).toContain('ondermijning');
  });

  it('has an English translation for every requirement and theme', () => {
    for (const requirement of REQUIREMENTS) {
      expect(requirement.text.en.length, requirement.id).toBeGreaterThan(20);
      expect(requirement.text.en).not.toBe(requirement.text.nl);
    }
    expect(requirementById('1c').text.en).toMatch(/contact person/);
    expect(requirementById('2a').text.en).toMatch(/Meld Misdaad Anoniem/);
  });

  it('marks exactly 1a, 1c and 2b as derived by the app, each from its own source', () => {
    const derived = REQUIREMENTS.filter((requirement) => requirement.derivedFrom !== null);
    expect(derived.map((requirement) => [requirement.id, requirement.derivedFrom])).toEqual([
      ['1a', 'agenda-registrations'],
      ['1c', 'mt-contact-configured'],
      ['2b', 'signal-channel-live'],
    ]);
    for (const { derivedFrom } of derived) {
      expect(derivedFrom && DERIVATION_SOURCE_LABELS[derivedFrom].nl).toMatch(/^Afgeleid/);
    }
  });

  it.each([
    ['1a', true],
    ['5a', true],
    ['5b', false],
    ['1e', false],
    ['1A', false],
    [12, false],
    [undefined, false],
  ] as const)('isRequirementId(%j) is %s', (value, expected) => {
    expect(isRequirementId(value)).toBe(expected);
  });

  it('labels every assessment status and round type in Dutch and English', () => {
    expect(ASSESSMENT_STATUSES).toEqual(['voldaan', 'deels', 'niet-voldaan', 'onbekend']);
    expect(ASSESSMENT_STATUS_LABELS['niet-voldaan']).toEqual({ nl: 'Niet voldaan', en: 'Not met' });
    expect(ROUND_TYPES).toEqual(['zelfscan', 'eindmeting']);
    for (const roundType of ROUND_TYPES) {
      expect(ROUND_TYPE_LABELS[roundType].nl).not.toBe('');
      expect(ROUND_TYPE_LABELS[roundType].en).not.toBe('');
    }
  });
});
