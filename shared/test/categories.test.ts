import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CONFIDENTIALITY_LABELS,
  EMERGENCY_ADVICE,
  categoryById,
  isCategoryId,
} from '../src/domain/categories.js';
import { CATEGORY_IDS, CONFIDENTIALITY_MODES } from '../src/domain/signal.js';

describe('signal categories', () => {
  it('describes every category id, in the order of the intake card', () => {
    expect(CATEGORIES.map((category) => category.id)).toEqual([...CATEGORY_IDS]);
  });

  it.each([...CATEGORY_IDS])('%s has labels, a one-line hint and 3-4 recognisable examples in nl and en', (id) => {
    const category = categoryById(id);
    expect(category.label.nl).not.toBe('');
    expect(category.label.en).not.toBe('');
    for (const hint of [category.hint.nl, category.hint.en]) {
      expect(hint).not.toContain('\n');
      expect(hint.length).toBeLessThan(120);
    }
    expect(category.examples.length).toBeGreaterThanOrEqual(3);
    expect(category.examples.length).toBeLessThanOrEqual(4);
    for (const example of category.examples) {
      expect(example.nl).not.toBe('');
      expect(example.en).not.toBe('');
      expect(example.en).not.toBe(example.nl);
    }
  });

  it.each([
    ['drugs', /hennep/],
    ['witwassen', /contant/],
    ['mensenhandel', /één adres/],
    ['zorgfraude', /zorgaanbieder/],
    ['vastgoed', /verhuurder/],
    ['bedrijvigheid', /Bibob/],
    ['intimidatie', /cadeau/],
  ] as const)('the examples of %s name what an employee sees at work', (id, pattern) => {
    expect(categoryById(id).examples.some((example) => pattern.test(example.nl))).toBe(true);
  });

  it.each([
    ['drugs', true],
    ['overig', true],
    ['fraude', false],
    ['Drugs', false],
    [null, false],
  ] as const)('isCategoryId(%j) is %s', (value, expected) => {
    expect(isCategoryId(value)).toBe(expected);
  });
});

describe('confidentiality modes', () => {
  it('explains every mode in Dutch and English', () => {
    for (const mode of CONFIDENTIALITY_MODES) {
      const { label, explanation } = CONFIDENTIALITY_LABELS[mode];
      expect(label.nl && label.en && explanation.nl && explanation.en).toBeTruthy();
    }
  });

  it('tells a named reporter that the MT contact sees their name', () => {
    expect(CONFIDENTIALITY_LABELS.named.explanation.nl).toMatch(/MT-aanspreekpunt.*ziet je naam/);
    expect(CONFIDENTIALITY_LABELS.named.explanation.en).toMatch(/sees your name/);
  });

  it('tells a confidential reporter their identity is encrypted and every access logged', () => {
    expect(CONFIDENTIALITY_LABELS.confidential.explanation.nl).toMatch(/versleuteld/);
    expect(CONFIDENTIALITY_LABELS.confidential.explanation.nl).toMatch(/vastgelegd/);
    expect(CONFIDENTIALITY_LABELS.confidential.explanation.en).toMatch(/encrypted.*logged/s);
  });

  it('is honest about what anonymous reporting in Teams does and does not hide', () => {
    const { nl, en } = CONFIDENTIALITY_LABELS.anonymous.explanation;
    expect(nl).toMatch(/Microsoft 365 bewaart/);
    expect(nl).toMatch(/OneDrive/);
    expect(nl).toMatch(/geen bijlagen/);
    expect(nl).toMatch(/webformulier/);
    expect(nl).toContain('Meld Misdaad Anoniem (0800-7000)');
    expect(en).toMatch(/Microsoft 365 keeps/);
    expect(en).toMatch(/OneDrive/);
    expect(en).toMatch(/no attachments/);
    expect(en).toContain('0800-7000');
  });
});

describe('emergency advice', () => {
  it('points to 112 and to Meld Misdaad Anoniem in both languages', () => {
    expect(EMERGENCY_ADVICE.emergencyNumber).toBe('112');
    expect(EMERGENCY_ADVICE.meldMisdaadAnoniemNumber).toBe('0800-7000');
    for (const text of [EMERGENCY_ADVICE.text.nl, EMERGENCY_ADVICE.text.en]) {
      expect(text).toContain('112');
      expect(text).toContain('Meld Misdaad Anoniem');
      expect(text).toContain('0800-7000');
    }
  });
});
