import { dutchDateOf, signalSubmitSchema, type Language } from '@weerbaar/shared';
import type { IntakeDraft } from './intake-state.js';

/**
 * Checks what a reporter gave, field by field, with the same zod schema the service uses,
 * and says what is wrong in the reporter's language, naming the field. Valid fields are
 * kept, so a correction never costs what was already right.
 */
export const SUBMIT_FIELDS = [
  'category',
  'description',
  'location',
  'occurredOn',
  'period',
  'involved',
  'noticedHow',
  'concernsMtContact',
  'confidentiality',
] as const;
export type SubmitField = (typeof SUBMIT_FIELDS)[number];

export type ProblemKind =
  | 'required'
  | 'wrong-type'
  | 'too-short'
  | 'too-long'
  | 'unknown-choice'
  | 'not-a-date'
  | 'future-date'
  | 'single-line'
  | 'control-characters'
  | 'date-and-period'
  | 'invalid';

export interface FieldProblem {
  field: SubmitField;
  kind: ProblemKind;
  limit?: number;
  length?: number;
}

type FieldSchema = { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly ZodIssueLike[] } } };
interface ZodIssueLike {
  code: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
  message: string;
}

const shape = (signalSubmitSchema as unknown as { shape: Record<SubmitField, FieldSchema> }).shape;

function problemOf(field: SubmitField, value: unknown, issue: ZodIssueLike): FieldProblem {
  const length = typeof value === 'string' ? value.trim().length : undefined;
  const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  switch (issue.code) {
    case 'invalid_type':
      return { field, kind: missing ? 'required' : 'wrong-type' };
    case 'too_small':
      return missing || Number(issue.minimum) <= 1
        ? { field, kind: 'required' }
        : { field, kind: 'too-short', limit: Number(issue.minimum), ...(length === undefined ? {} : { length }) };
    case 'too_big':
      return { field, kind: 'too-long', limit: Number(issue.maximum), ...(length === undefined ? {} : { length }) };
    case 'invalid_value':
      return { field, kind: missing ? 'required' : 'unknown-choice' };
    case 'invalid_format':
      return { field, kind: 'not-a-date' };
    case 'custom':
      if (issue.message.includes('single line')) return { field, kind: 'single-line' };
      if (issue.message.includes('control characters')) return { field, kind: 'control-characters' };
      return { field, kind: 'invalid' };
    default:
      return { field, kind: 'invalid' };
  }
}

/** Checks one field; returns the cleaned value or the problem. */
export function checkField(field: SubmitField, value: unknown): { ok: true; value: unknown } | { ok: false; problem: FieldProblem } {
  const result = shape[field].safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: issue ? problemOf(field, value, issue) : { field, kind: 'invalid' } };
}

/** Checks a whole submission: the valid fields as a draft, and every problem found. */
export function checkSubmission(raw: Record<string, unknown>, now: Date): { draft: IntakeDraft; problems: FieldProblem[] } {
  const draft: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const field of SUBMIT_FIELDS) {
    const checked = checkField(field, raw[field]);
    if (checked.ok) {
      if (checked.value !== undefined) draft[field] = checked.value;
    } else {
      problems.push(checked.problem);
    }
  }
  const typed = draft as IntakeDraft;
  if (typed.occurredOn !== undefined && typed.occurredOn > dutchDateOf(now)) {
    problems.push({ field: 'occurredOn', kind: 'future-date' });
    delete typed.occurredOn;
  }
  const whenProblem = problems.some((p) => p.field === 'occurredOn' || p.field === 'period');
  if (!whenProblem && typed.occurredOn !== undefined && typed.period !== undefined) {
    problems.push({ field: 'period', kind: 'date-and-period' });
  } else if (!whenProblem && typed.occurredOn === undefined && typed.period === undefined) {
    problems.push({ field: 'occurredOn', kind: 'required' });
  }
  return { draft: typed, problems };
}

const LABELS: Record<SubmitField, Record<Language, string>> = {
  category: { nl: 'Categorie', en: 'Category' },
  description: { nl: 'Wat is er gebeurd', en: 'What happened' },
  location: { nl: 'Waar', en: 'Where' },
  occurredOn: { nl: 'Wanneer (datum)', en: 'When (date)' },
  period: { nl: 'Wanneer (periode)', en: 'When (period)' },
  involved: { nl: 'Wie of wat is betrokken', en: 'Who or what is involved' },
  noticedHow: { nl: 'Hoe heb je het opgemerkt', en: 'How did you notice it' },
  concernsMtContact: { nl: 'Gaat over mijn MT-aanspreekpunt', en: 'Concerns my MT contact' },
  confidentiality: { nl: 'Vertrouwelijkheid', en: 'Confidentiality' },
};

export function fieldLabel(field: SubmitField, language: Language): string {
  return LABELS[field][language];
}

/** One sentence naming the field and what to do about it. */
export function describeProblem(problem: FieldProblem, language: Language): string {
  const label = `"${fieldLabel(problem.field, language)}"`;
  const nl = language === 'nl';
  const n = problem.length;
  switch (problem.kind) {
    case 'required':
      if (problem.field === 'occurredOn') {
        return nl ? 'Wanneer: vul een datum of een periode in.' : 'When: give a date or a period.';
      }
      return nl ? `${label} is verplicht.` : `${label} is required.`;
    case 'wrong-type':
      return problem.field === 'concernsMtContact'
        ? nl ? `${label} moet ja of nee zijn.` : `${label} must be yes or no.`
        : nl ? `${label} heeft een ongeldige waarde; vul tekst in.` : `${label} has an invalid value; please enter text.`;
    case 'too-short':
      return nl
        ? `${label} is te kort: schrijf minstens ${problem.limit} tekens${n === undefined ? '' : ` (nu ${n})`}.`
        : `${label} is too short: write at least ${problem.limit} characters${n === undefined ? '' : ` (now ${n})`}.`;
    case 'too-long':
      return nl
        ? `${label} is te lang: maximaal ${problem.limit} tekens${n === undefined ? '' : ` (nu ${n})`}. Kort de tekst in; wat je schreef staat nog in het formulier.`
        : `${label} is too long: at most ${problem.limit} characters${n === undefined ? '' : ` (now ${n})`}. Please shorten it; what you wrote is still in the form.`;
    case 'unknown-choice':
      return problem.field === 'category'
        ? nl ? `${label}: kies een van de categorieën uit de lijst.` : `${label}: choose one of the categories in the list.`
        : nl ? `${label}: kies een van de mogelijkheden uit de lijst.` : `${label}: choose one of the options in the list.`;
    case 'not-a-date':
      return nl ? `${label}: geef een datum, bijvoorbeeld 2026-03-02 of 2-3-2026.` : `${label}: give a date, for example 2026-03-02.`;
    case 'future-date':
      return nl ? `${label} mag niet in de toekomst liggen.` : `${label} must not be in the future.`;
    case 'single-line':
      return nl ? `${label} moet op één regel passen.` : `${label} must fit on one line.`;
    case 'control-characters':
      return nl ? `${label} bevat tekens die niet zijn toegestaan.` : `${label} contains characters that are not allowed.`;
    case 'date-and-period':
      return nl
        ? 'Wanneer: vul een datum óf een periode in, niet allebei.'
        : 'When: give a date or a period, not both.';
    case 'invalid':
      return nl ? `${label} is niet geldig.` : `${label} is not valid.`;
  }
}
