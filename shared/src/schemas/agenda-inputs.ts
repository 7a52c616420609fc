import { z } from 'zod';
import { boundedTextSchema, isoDateSchema, optionalInputSchema } from './inputs.js';

/**
 * What reaches the agenda cycle from outside: a registration from the web part (JSON) and
 * an action on the nudge card (Adaptive Card inputs, which arrive as strings).
 */
export const AGENDA_LIMITS = {
  notes: { max: 500 },
  attendees: { min: 1, max: 1000 },
  /** A client-chosen key that makes a retried submission count once. */
  idempotencyKey: { min: 8, max: 100 },
} as const;

export const AGENDA_REGISTRATION_KINDS = ['gepland', 'besproken'] as const;
export type AgendaRegistrationKind = (typeof AGENDA_REGISTRATION_KINDS)[number];

export const AGENDA_CARD_ACTIONS = ['agenda.gepland', 'agenda.besproken', 'agenda.later'] as const;
export type AgendaCardAction = (typeof AGENDA_CARD_ACTIONS)[number];

const { min: minAttendees, max: maxAttendees } = AGENDA_LIMITS.attendees;

/** A whole number of people; Input.Number sends "12" as a string, JSON clients send 12. */
const attendees = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z.number().refine((n) => Number.isInteger(n) && n >= minAttendees && n <= maxAttendees, {
    error: `must be a whole number from ${minAttendees} to ${maxAttendees}.`,
  }),
);

const key = z
  .string()
  .trim()
  .min(AGENDA_LIMITS.idempotencyKey.min)
  .max(AGENDA_LIMITS.idempotencyKey.max)
  .regex(/^[A-Za-z0-9:_.-]+$/, { error: 'must contain only letters, digits, ":", ".", "-" and "_".' });

/** POST /api/agenda/{departmentId}/registrations */
export const agendaRegistrationInputSchema = z.object({
  kind: z.enum(AGENDA_REGISTRATION_KINDS),
  date: isoDateSchema,
  notes: optionalInputSchema(boundedTextSchema(AGENDA_LIMITS.notes, true)),
  attendees: optionalInputSchema(attendees),
  idempotencyKey: optionalInputSchema(key),
});
export type AgendaRegistrationInput = z.output<typeof agendaRegistrationInputSchema>;

/** The data of an Action.Execute / Action.Submit on the nudge card, inputs merged in. */
export const agendaCardActionSchema = z
  .object({
    action: z.enum(AGENDA_CARD_ACTIONS),
    departmentId: z.string().trim().min(1).max(64),
    windowKey: z.string().trim().min(1).max(80),
    /** Fixed per card and action, so a second press of the same button records nothing new. */
    nonce: key,
    plannedOn: optionalInputSchema(isoDateSchema),
    discussedOn: optionalInputSchema(isoDateSchema),
    notes: optionalInputSchema(boundedTextSchema(AGENDA_LIMITS.notes, true)),
    attendees: optionalInputSchema(attendees),
  })
  .superRefine((data, context) => {
    if (data.action === 'agenda.gepland' && data.plannedOn === undefined) {
      context.addIssue({ code: 'custom', path: ['plannedOn'], message: 'is required.' });
    }
    if (data.action === 'agenda.besproken' && data.discussedOn === undefined) {
      context.addIssue({ code: 'custom', path: ['discussedOn'], message: 'is required.' });
    }
  });
export type AgendaCardActionData = z.output<typeof agendaCardActionSchema>;

/** Whether an action's data belongs to the agenda card (routing in the bot, before parsing). */
export function isAgendaActionData(value: unknown): value is { action: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)['action'] === 'string' &&
    String((value as Record<string, unknown>)['action']).startsWith('agenda.')
  );
}
