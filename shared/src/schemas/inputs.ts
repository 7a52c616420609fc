import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { dutchDateOf } from '../domain/local-date.js';
import { IDENTITY_REASON_MIN_LENGTH } from '../domain/policy.js';
import { CATEGORY_IDS, CONFIDENTIALITY_MODES } from '../domain/signal.js';
import {
  CLOSE_OUTCOMES,
  FORWARD_LEGAL_BASIS_MAX_LENGTH,
  FORWARD_ORGANISATION_NAME_MAX_LENGTH,
  FORWARD_TARGETS,
} from '../domain/signal-workflow.js';

/**
 * Schemas for everything that reaches the service from outside: the bot card's submit,
 * the HTTP API, the local dev routes. Every text has an explicit limit, so an oversized
 * or malformed input is refused at the edge with the field named.
 */
export const INPUT_LIMITS = {
  submissionId: { min: 8, max: 100 },
  description: { min: 10, max: 4000 },
  location: { min: 1, max: 500 },
  period: { min: 1, max: 200 },
  involved: { max: 1000 },
  noticedHow: { max: 1000 },
  /** SharePoint single-line text columns hold 255 characters. */
  upn: { max: 255 },
  departmentName: { min: 1, max: 255 },
  absenceDescription: { min: 1, max: 255 },
  identityReason: { min: IDENTITY_REASON_MIN_LENGTH, max: 500 },
  forwardOrganisationName: { min: 1, max: FORWARD_ORGANISATION_NAME_MAX_LENGTH },
  legalBasis: { min: 1, max: FORWARD_LEGAL_BASIS_MAX_LENGTH },
} as const;

/** C0 and C1 control characters except tab (U+0009) and newline (U+000A). */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

interface TextLimits {
  min?: number;
  max: number;
}

/**
 * Trimmed text within limits. Windows line ends (\r\n, from Teams desktop) become \n
 * before the checks; other control characters are refused.
 */
function text({ min, max }: TextLimits, multiline: boolean) {
  let schema = z
    .string()
    .overwrite((value) => value.replace(/\r\n?/g, '\n'))
    .trim()
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      error: 'must not contain control characters (only line breaks and tabs are allowed).',
    });
  if (!multiline) schema = schema.refine((value) => !value.includes('\n'), { error: 'must be a single line.' });
  if (min !== undefined) schema = schema.min(min);
  return schema.max(max);
}

/** Adaptive Cards send an empty string for a blank optional input: treat it (and null) as absent. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (value === null) return undefined;
    if (typeof value === 'string' && value.trim() === '') return undefined;
    return value;
  }, schema.optional());
}

/** Adaptive Card Toggle inputs send "true"/"false" strings; JSON clients send booleans. */
const cardBoolean = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  return normalised === 'true' ? true : normalised === 'false' ? false : value;
}, z.boolean());

const isoDate = z.string().trim().pipe(z.iso.date());

const upn = z
  .string()
  .trim()
  .max(INPUT_LIMITS.upn.max)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'must be a user principal name such as name@gemeente.nl.' });

export const signalSubmitSchema = z
  .object({
    action: z.literal('signal.submit'),
    submissionId: z
      .string()
      .trim()
      .min(INPUT_LIMITS.submissionId.min)
      .max(INPUT_LIMITS.submissionId.max)
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'must contain only letters, digits, "-" and "_".' }),
    category: z.enum(CATEGORY_IDS),
    description: text(INPUT_LIMITS.description, true),
    location: text(INPUT_LIMITS.location, true),
    occurredOn: optional(isoDate),
    period: optional(text(INPUT_LIMITS.period, false)),
    involved: optional(text(INPUT_LIMITS.involved, true)),
    noticedHow: optional(text(INPUT_LIMITS.noticedHow, true)),
    concernsMtContact: cardBoolean,
    confidentiality: z.enum(CONFIDENTIALITY_MODES),
  })
  .superRefine((submission, context) => {
    if (submission.occurredOn !== undefined && submission.period !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['period'],
        message: 'must be left empty when "occurredOn" is given (give a date or a period, not both).',
      });
    } else if (submission.occurredOn === undefined && submission.period === undefined) {
      context.addIssue({ code: 'custom', path: ['occurredOn'], message: 'is required unless a "period" is given.' });
    }
  });
export type SignalSubmitInput = z.output<typeof signalSubmitSchema>;

/** The card cannot know today's date reliably, so the service checks it against its clock. */
export function assertOccurredOnNotInFuture(submission: { occurredOn?: string | undefined }, now: Date): void {
  if (submission.occurredOn !== undefined && submission.occurredOn > dutchDateOf(now)) {
    throw new ValidationError('Field "occurredOn" must not be in the future.', 'occurredOn');
  }
}

export const devLoginSchema = z.object({ upn });
export const devClockSchema = z.object({ now: z.string().trim().pipe(z.iso.datetime({ offset: true })) });

export const departmentInputSchema = z
  .object({
    name: text(INPUT_LIMITS.departmentName, false),
    headUpn: optional(upn),
    deputyHeadUpn: optional(upn),
  })
  .superRefine((department, context) => {
    const { headUpn, deputyHeadUpn } = department;
    if (headUpn && deputyHeadUpn && headUpn.toLowerCase() === deputyHeadUpn.toLowerCase()) {
      context.addIssue({ code: 'custom', path: ['deputyHeadUpn'], message: 'must differ from "headUpn".' });
    }
  });

export const ASSIGNABLE_ROLES = ['mt-contact', 'mt-deputy', 'coordinator', 'secretary', 'app-admin', 'privacy-officer'] as const;
export const roleAssignmentInputSchema = z.object({ role: z.enum(ASSIGNABLE_ROLES), personUpn: upn });

/** A change to a department: every field optional, `null` clears a head. */
export const departmentPatchSchema = z
  .object({
    name: text(INPUT_LIMITS.departmentName, false).optional(),
    headUpn: upn.nullable().optional(),
    deputyHeadUpn: upn.nullable().optional(),
  })
  .superRefine((department, context) => {
    const { headUpn, deputyHeadUpn } = department;
    if (headUpn && deputyHeadUpn && headUpn.toLowerCase() === deputyHeadUpn.toLowerCase()) {
      context.addIssue({ code: 'custom', path: ['deputyHeadUpn'], message: 'must differ from "headUpn".' });
    }
  });

export const absenceInputSchema = z
  .object({
    personUpn: upn,
    startsOn: isoDate,
    endsOn: isoDate,
    description: optional(text(INPUT_LIMITS.absenceDescription, false)),
  })
  .superRefine((absence, context) => {
    if (absence.endsOn < absence.startsOn) {
      context.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before "startsOn".' });
    }
  });

const forwardingSchema = z
  .object({
    organisation: z.enum(FORWARD_TARGETS),
    organisationName: optional(text(INPUT_LIMITS.forwardOrganisationName, false)),
    forwardedOn: isoDate,
    legalBasis: text(INPUT_LIMITS.legalBasis, true),
  })
  .superRefine((forwarding, context) => {
    if (forwarding.organisation === 'anders' && forwarding.organisationName === undefined) {
      context.addIssue({ code: 'custom', path: ['organisationName'], message: 'is required when the organisation is "anders".' });
    }
  });

/** A workflow step from the web part or a card button. */
export const signalTransitionInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('forward'), forwardedTo: forwardingSchema }),
  z.object({ action: z.literal('close'), outcome: z.enum(CLOSE_OUTCOMES) }),
  z.object({ action: z.enum(['acknowledge', 'start', 'resume', 'reopen']) }),
]);
export type SignalTransitionInput = z.output<typeof signalTransitionInputSchema>;

/** Why the caller reads a confidential reporter's identity; logged in the audit trail. */
export const identityReasonSchema = z.object({ reason: text(INPUT_LIMITS.identityReason, false) });

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One zod issue as a plain English sentence naming the field. */
function describeIssue(issue: z.core.$ZodIssue, field: string, input: unknown): string {
  const subject = `Field "${field}"`;
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      if (value === undefined || value === null) return `${subject} is required.`;
      if (issue.expected === 'boolean') return `${subject} must be true or false.`;
      return `${subject} must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}.`;
    }
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? `${subject} must not be empty.`
        : `${subject} must be at least ${issue.minimum} characters long.`;
    case 'too_big':
      return `${subject} must be at most ${issue.maximum} characters long.`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `${subject} must be "${String(issue.values[0])}".`
        : `${subject} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'date') return `${subject} must be a date in the form yyyy-mm-dd.`;
      if (issue.format === 'datetime') {
        return `${subject} must be an ISO-8601 date and time with a time zone, such as 2026-03-01T09:00:00Z.`;
      }
      return `${subject} ${issue.message}`;
    case 'invalid_union': {
      const options = 'options' in issue ? issue.options : undefined;
      if (valueAt(input, issue.path) === undefined) return `${subject} is required.`;
      return options?.length
        ? `${subject} must be one of: ${options.map(String).join(', ')}.`
        : `${subject} has an invalid value.`;
    }
    case 'custom':
      return `${subject} ${issue.message}`;
    case 'unrecognized_keys':
      return `${subject} is not expected here.`;
    default:
      return `${subject} has an invalid value.`;
  }
}

/** Parses or throws a ValidationError whose `field` is the dotted path of the first problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ValidationError('The input is not valid.', 'input');
  // An unexpected field is named itself, so the caller sees what to leave out.
  const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  const field = path.length > 0 ? path.map(String).join('.') : 'input';
  throw new ValidationError(describeIssue(issue, field, value), field);
}

/** Building blocks for the other schema modules (signal actions, list queries), so every edge checks text alike. */
export {
  text as boundedTextSchema,
  optional as optionalInputSchema,
  isoDate as isoDateSchema,
  upn as upnSchema,
};
