import { randomBytes } from 'node:crypto';
import {
  INPUT_LIMITS,
  ValidationError,
  assertOccurredOnNotInFuture,
  signalSubmitSchema,
  type Language,
  type Municipality,
  type SignalSubmitInput,
} from '@weerbaar/shared';
import { problemText, type FieldProblem } from './texts-form.js';

/** The form's fields in page order; the error summary follows this order. */
export const FORM_FIELDS = ['municipality', 'category', 'description', 'location', 'occurredOn', 'period', 'involved', 'noticedHow', 'concernsMtContact'] as const;
export type FormField = (typeof FORM_FIELDS)[number] | 'submissionId';

/** Everything the reporter typed, exactly as typed, so an error page can give it all back. */
export interface FormValues {
  submissionId: string;
  municipality: string;
  category: string;
  description: string;
  location: string;
  occurredOn: string;
  period: string;
  involved: string;
  noticedHow: string;
  concernsMtContact: boolean;
}

export type FieldErrors = Partial<Record<FormField, string>>;

export type CheckedSubmission =
  | { ok: true; municipalityCode: string; input: SignalSubmitInput }
  | { ok: false; municipalityCode: string | null; errors: FieldErrors };

/** A fresh hidden nonce: the same form posted twice is recognised as one submission. */
export function newSubmissionId(): string {
  return randomBytes(18).toString('base64url');
}

export function emptyValues(): FormValues {
  return {
    submissionId: newSubmissionId(),
    municipality: '',
    category: '',
    description: '',
    location: '',
    occurredOn: '',
    period: '',
    involved: '',
    noticedHow: '',
    concernsMtContact: false,
  };
}

/** Reads an urlencoded body; a repeated or missing field counts as empty, never as an error. */
export function valuesFromBody(body: unknown): FormValues {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const read = (name: string): string => {
    const value = record[name];
    return typeof value === 'string' ? value : '';
  };
  return {
    submissionId: read('submissionId'),
    municipality: read('municipality'),
    category: read('category'),
    description: read('description'),
    location: read('location'),
    occurredOn: read('occurredOn'),
    period: read('period'),
    involved: read('involved'),
    noticedHow: read('noticedHow'),
    concernsMtContact: read('concernsMtContact') === 'true',
  };
}

/** The municipality the report is for: the only one served, or the reporter's choice. */
export function chosenMunicipality(values: FormValues, served: readonly Municipality[]): { code: string } | { problem: 'required' | 'unserved' } {
  const only = served.length === 1 ? served[0] : undefined;
  if (values.municipality === '') return only ? { code: only.code } : { problem: 'required' };
  return served.some((m) => m.code === values.municipality) ? { code: values.municipality } : { problem: 'unserved' };
}

/** Validates with the bot card's schema, so both channels accept exactly the same reports. */
export function checkSubmission(values: FormValues, served: readonly Municipality[], now: Date, lang: Language): CheckedSubmission {
  const errors: FieldErrors = {};
  const municipality = chosenMunicipality(values, served);
  if ('problem' in municipality) errors.municipality = problemText(lang, 'municipality', municipality.problem);
  const municipalityCode = 'code' in municipality ? municipality.code : null;

  const parsed = signalSubmitSchema.safeParse({
    action: 'signal.submit',
    submissionId: values.submissionId,
    category: values.category,
    description: values.description,
    location: values.location,
    occurredOn: values.occurredOn,
    period: values.period,
    involved: values.involved,
    noticedHow: values.noticedHow,
    concernsMtContact: values.concernsMtContact,
    confidentiality: 'anonymous',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'submissionId') as FormField;
      if (errors[field] !== undefined) continue;
      errors[field] = describe(field, issue, values, lang);
    }
  }
  whenProblems(values, now, lang, errors);
  if (parsed.success && Object.keys(errors).length === 0 && municipalityCode !== null) {
    return { ok: true, municipalityCode, input: parsed.data };
  }
  return { ok: false, municipalityCode, errors };
}

/**
 * The date-or-period rules and the future-date check, also when other fields failed:
 * zod skips an object's cross-field checks then, and the reporter should see every
 * problem at once, not one more after each attempt.
 */
function whenProblems(values: FormValues, now: Date, lang: Language, errors: FieldErrors): void {
  const date = values.occurredOn.trim();
  const period = values.period.trim();
  if (date === '' && period === '' && errors.occurredOn === undefined) errors.occurredOn = problemText(lang, 'occurredOn', 'required');
  if (date !== '' && period !== '' && errors.period === undefined) errors.period = problemText(lang, 'period', 'both');
  if (date === '' || errors.occurredOn !== undefined) return;
  try {
    assertOccurredOnNotInFuture({ occurredOn: date }, now);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors.occurredOn = problemText(lang, 'occurredOn', 'future');
  }
}

interface IssueLike {
  code: string;
  minimum?: unknown;
  maximum?: unknown;
}

function describe(field: FormField, issue: IssueLike, values: FormValues, lang: Language): string {
  const raw = field === 'concernsMtContact' ? '' : (values[field] as string | undefined) ?? '';
  const typed = raw.replace(/\r\n?/g, '\n').trim();
  let problem: FieldProblem = 'invalid';
  const details: { max?: number; min?: number; length?: number } = {};
  if (field === 'submissionId') problem = 'invalid';
  else if (issue.code === 'too_big') {
    problem = 'tooLong';
    details.max = Number(issue.maximum);
    details.length = typed.length;
  } else if (typed === '') problem = 'required';
  else if (issue.code === 'too_small') {
    problem = 'tooShort';
    details.min = Number(issue.minimum);
  } else if (issue.code === 'custom') problem = customProblem(field, typed, values);
  return problemText(lang, field, problem, details);
}

/** The schema's custom checks, recognised by the value rather than by its English message. */
function customProblem(field: FormField, typed: string, values: FormValues): FieldProblem {
  if (field === 'period' && values.occurredOn.trim() !== '' && typed !== '') return 'both';
  if (/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(typed)) return 'controlCharacters';
  if (typed.includes('\n')) return 'singleLine';
  return 'invalid';
}

/** Largest length of each text field, for the character counter. */
export const FIELD_MAX: Partial<Record<FormField, number>> = {
  description: INPUT_LIMITS.description.max,
  location: INPUT_LIMITS.location.max,
  period: INPUT_LIMITS.period.max,
  involved: INPUT_LIMITS.involved.max,
  noticedHow: INPUT_LIMITS.noticedHow.max,
};
