import { z } from 'zod';
import { CATEGORY_IDS, SIGNAL_STATUSES } from '../domain/signal.js';
import { CLOSE_OUTCOMES, FORWARD_TARGETS } from '../domain/signal-workflow.js';
import { boundedTextSchema, INPUT_LIMITS, isoDateSchema, optionalInputSchema, upnSchema } from './inputs.js';

/**
 * Schemas of the signals API: the actions on one signal (POST /api/signals/{id}/actions)
 * and the query strings of the list, export, insights, audit and disclosure routes.
 */
export const SIGNAL_ACTION_LIMITS = {
  note: { min: 1, max: 4000 },
  message: { min: 1, max: 4000 },
  enrichmentSystem: { min: 1, max: 100 },
  enrichmentOrganisation: { min: 1, max: 200 },
  enrichmentReference: { min: 1, max: 200 },
  retentionReason: { min: 10, max: 500 },
  cursor: { max: 1000 },
  pageSize: { min: 1, max: 200 },
} as const;

/** A link from a signal to what the municipality already knows (typed, so it can be followed up). */
export const enrichmentLinkSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('bag'),
    // BAG object ids: 4-digit municipality code, 2-digit object type, 10-digit number.
    id: z.string().trim().regex(/^\d{16}$/, { error: 'must be a BAG id of exactly 16 digits.' }),
  }),
  z.object({
    type: z.literal('kvk'),
    number: z.string().trim().regex(/^\d{8}$/, { error: 'must be a KvK number of exactly 8 digits.' }),
  }),
  z.object({
    type: z.literal('internal'),
    system: boundedTextSchema(SIGNAL_ACTION_LIMITS.enrichmentSystem, false),
    reference: boundedTextSchema(SIGNAL_ACTION_LIMITS.enrichmentReference, false),
  }),
  z.object({
    type: z.literal('external'),
    organisation: boundedTextSchema(SIGNAL_ACTION_LIMITS.enrichmentOrganisation, false),
    reference: boundedTextSchema(SIGNAL_ACTION_LIMITS.enrichmentReference, false),
  }),
]);

/** Workflow steps the generic `transition` action takes; forward and close carry data, so they have their own. */
export const GENERIC_TRANSITION_ACTIONS = ['acknowledge', 'start', 'resume', 'reopen'] as const;

export const signalActionRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledge') }),
  z.object({ type: z.literal('assign'), assigneeUpn: upnSchema }),
  z.object({ type: z.literal('transition'), action: z.enum(GENERIC_TRANSITION_ACTIONS) }),
  z.object({ type: z.literal('note'), text: boundedTextSchema(SIGNAL_ACTION_LIMITS.note, true) }),
  z.object({ type: z.literal('enrich'), link: enrichmentLinkSchema }),
  z.object({ type: z.literal('message'), text: boundedTextSchema(SIGNAL_ACTION_LIMITS.message, true) }),
  z
    .object({
      type: z.literal('forward'),
      organisation: z.enum(FORWARD_TARGETS),
      organisationName: optionalInputSchema(boundedTextSchema(INPUT_LIMITS.forwardOrganisationName, false)),
      forwardedOn: isoDateSchema,
      legalBasis: boundedTextSchema(INPUT_LIMITS.legalBasis, true),
    })
    .superRefine((forward, context) => {
      if (forward.organisation === 'anders' && forward.organisationName === undefined) {
        context.addIssue({ code: 'custom', path: ['organisationName'], message: 'is required when the organisation is "anders".' });
      }
    }),
  z.object({ type: z.literal('close'), outcome: z.enum(CLOSE_OUTCOMES) }),
  z.object({
    type: z.literal('extend-retention'),
    until: isoDateSchema,
    reason: boundedTextSchema(SIGNAL_ACTION_LIMITS.retentionReason, false),
  }),
  z.object({ type: z.literal('reveal-reporter'), reason: boundedTextSchema(INPUT_LIMITS.identityReason, false) }),
]);
export type ParsedSignalActionRequest = z.output<typeof signalActionRequestSchema>;

const pageSize = optionalInputSchema(
  z.coerce.number().int().min(SIGNAL_ACTION_LIMITS.pageSize.min).max(SIGNAL_ACTION_LIMITS.pageSize.max),
);
const cursor = optionalInputSchema(z.string().max(SIGNAL_ACTION_LIMITS.cursor.max));

const period = {
  from: optionalInputSchema(isoDateSchema),
  to: optionalInputSchema(isoDateSchema),
};

function fromNotAfterTo(query: { from?: string | undefined; to?: string | undefined }, context: z.RefinementCtx): void {
  if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before "from".' });
  }
}

export const signalListQuerySchema = z
  .object({
    status: optionalInputSchema(z.enum(SIGNAL_STATUSES)),
    category: optionalInputSchema(z.enum(CATEGORY_IDS)),
    ...period,
    department: optionalInputSchema(boundedTextSchema(INPUT_LIMITS.departmentName, false)),
    overdue: optionalInputSchema(z.enum(['acknowledgement', 'feedback'])),
    sort: optionalInputSchema(z.enum(['receivedAt', '-receivedAt', 'status', 'category'])),
    pageSize,
    cursor,
  })
  .superRefine(fromNotAfterTo);
export type ParsedSignalListQuery = z.output<typeof signalListQuerySchema>;

export const insightsQuerySchema = z.object(period).superRefine(fromNotAfterTo);

export const auditQuerySchema = z.object({
  recordId: optionalInputSchema(z.string().trim().max(100)),
  before: optionalInputSchema(z.string().trim().max(100)),
  limit: optionalInputSchema(z.coerce.number().int().min(1).max(500)),
});

export const disclosureQuerySchema = z.object({ pageSize, cursor });
