import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_IDS,
  ValidationError,
  parseLearningModule,
  parseLocalLearningScenario,
  type LearningModule,
} from '@weerbaar/shared';

const learningDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../learning');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(learningDir, file), 'utf8'));
const moduleFiles = readdirSync(learningDir).filter((name) => /^module-v\d+\.json$/.test(name));
const exampleFiles = readdirSync(path.join(learningDir, 'examples')).filter((name) => name.endsWith('.json'));

function refusal(parse: () => unknown): ValidationError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the content was accepted');
}

describe('learning content: the standard files', () => {
  it('has at least one module file', () => {
    expect(moduleFiles.length).toBeGreaterThan(0);
  });

  it.each(moduleFiles)('%s passes the schema', (file) => {
    expect(() => parseLearningModule(read(file), file)).not.toThrow();
  });

  it.each(moduleFiles)('%s: 6 to 8 scenarios, every signal category, 2 to 4 answers each with at least one good one', (file) => {
    const module = parseLearningModule(read(file), file);
    expect(module.scenarios.length).toBeGreaterThanOrEqual(6);
    expect(module.scenarios.length).toBeLessThanOrEqual(8);
    expect(new Set(module.scenarios.map((s) => s.category))).toEqual(new Set(CATEGORY_IDS));
    for (const scenario of module.scenarios) {
      expect(scenario.options.length).toBeGreaterThanOrEqual(2);
      expect(scenario.options.length).toBeLessThanOrEqual(4);
      expect(scenario.options.some((o) => o.correct)).toBe(true);
    }
  });

  it.each(moduleFiles)('%s names every way to report: the bot, the web form, Meld Misdaad Anoniem and 112', (file) => {
    const module: LearningModule = parseLearningModule(read(file), file);
    const all = JSON.stringify(module.howToReport);
    for (const needle of ['melden', '{webFormUrl}', '0800-7000', '112']) expect(all).toContain(needle);
  });

  it.each(exampleFiles)('the example local scenario %s passes the local schema', (file) => {
    expect(() => parseLocalLearningScenario(read(path.join('examples', file)), file)).not.toThrow();
  });
});

describe('learning content: a malformed file is refused naming the file and the field', () => {
  const example = read(path.join('examples', exampleFiles[0] ?? '')) as Record<string, unknown>;
  const options = example['options'] as Record<string, unknown>[];

  it.each([
    { what: 'English feedback missing', change: () => ({ ...example, options: [{ ...options[0], feedback: { nl: 'Goed.' } }, options[1]] }), field: 'options[0].feedback.en' },
    { what: 'unknown category', change: () => ({ ...example, category: 'fietsdiefstal' }), field: 'category' },
    { what: 'one answer only', change: () => ({ ...example, options: [options[0]] }), field: 'options' },
    { what: 'no good answer', change: () => ({ ...example, options: options.map((o) => ({ ...o, correct: false })) }), field: 'options' },
    { what: 'an unknown field', change: () => ({ ...example, score: 10 }), field: '(root)' },
    { what: 'a bad municipality code', change: () => ({ ...example, municipalityCodes: ['Hengelo'] }), field: 'municipalityCodes[0]' },
  ])('$what → field $field', ({ change, field }) => {
    const error = refusal(() => parseLocalLearningScenario(change(), 'gemeente-eigen.json'));
    expect(error.field).toBe(field);
    expect(error.message).toContain('gemeente-eigen.json');
    expect(error.message).toContain(field);
  });

  it('a module with a category left out is refused', () => {
    const module = read(moduleFiles[0] ?? '') as { scenarios: { category: string }[] };
    const error = refusal(() => parseLearningModule({ ...module, scenarios: module.scenarios.filter((s) => s.category !== 'zorgfraude') }, 'module-v9.json'));
    expect(error.message).toContain('module-v9.json');
    expect(error.message).toContain('zorgfraude');
    expect(error.field).toBe('scenarios');
  });
});
