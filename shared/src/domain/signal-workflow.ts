import { ForbiddenError, InvalidTransitionError, ValidationError } from './errors.js';
import { dutchDateOf, isLocalDate } from './local-date.js';
import type { Language } from './organisation.js';
import type { RoleId } from './roles.js';
import type { Signal, SignalStatus } from './signal.js';

/**
 * The follow-up of a signal as an explicit state machine. The transition table is data
 * so the web parts, the bot and the docs show exactly what the service enforces.
 */
export const WORKFLOW_ACTIONS = ['acknowledge', 'start', 'forward', 'resume', 'close', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Partners a signal may be passed on to. */
export const FORWARD_TARGETS = ['riec', 'politie', 'meld-misdaad-anoniem', 'belastingdienst', 'anders'] as const;
export type ForwardTarget = (typeof FORWARD_TARGETS)[number];

/** How a signal ended; stays on the tombstone after retention, so it feeds the insights. */
export const CLOSE_OUTCOMES = [
  'opgepakt',
  'doorgezet',
  'geen-ondermijning',
  'onvoldoende-informatie',
  'samengevoegd',
] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

/** Who works an ordinary signal: the MT contact, the deputy and the coordinator. */
export const SIGNAL_HANDLER_ROLES = ['mt-contact', 'mt-deputy', 'coordinator'] as const satisfies readonly RoleId[];
/** Reopening undoes a decision, so it is kept to the accountable MT members. */
export const SIGNAL_REOPEN_ROLES = ['mt-contact', 'mt-deputy'] as const satisfies readonly RoleId[];
/**
 * A signal about the MT contact goes to the deputy and the secretary instead (impartial
 * handling); the coordinator, who works closely with the MT contact, stays out, and
 * anyone holding the mt-contact role is refused whatever other roles they hold.
 */
export const CONCERNING_MT_CONTACT_HANDLER_ROLES = ['mt-deputy', 'secretary'] as const satisfies readonly RoleId[];

export const FORWARD_ORGANISATION_NAME_MAX_LENGTH = 200;
export const FORWARD_LEGAL_BASIS_MAX_LENGTH = 500;

export interface SignalTransition {
  action: WorkflowAction;
  from: readonly SignalStatus[];
  to: SignalStatus;
  /** Roles that may take the action on an ordinary signal. */
  roles: readonly RoleId[];
  /** Roles that may take it on a signal that concerns the MT contact. */
  rolesWhenConcerningMtContact: readonly RoleId[];
  /** Data the action cannot do without. */
  requires: 'forwarding' | 'outcome' | null;
}

export const SIGNAL_TRANSITIONS: readonly SignalTransition[] = [
  {
    action: 'acknowledge',
    from: ['received'],
    to: 'acknowledged',
    roles: SIGNAL_HANDLER_ROLES,
    rolesWhenConcerningMtContact: CONCERNING_MT_CONTACT_HANDLER_ROLES,
    requires: null,
  },
  {
    action: 'start',
    from: ['acknowledged'],
    to: 'in-progress',
    roles: SIGNAL_HANDLER_ROLES,
    rolesWhenConcerningMtContact: CONCERNING_MT_CONTACT_HANDLER_ROLES,
    requires: null,
  },
  {
    action: 'forward',
    from: ['received', 'acknowledged', 'in-progress'],
    to: 'forwarded',
    roles: SIGNAL_HANDLER_ROLES,
    rolesWhenConcerningMtContact: CONCERNING_MT_CONTACT_HANDLER_ROLES,
    requires: 'forwarding',
  },
  {
    action: 'resume',
    from: ['forwarded'],
    to: 'in-progress',
    roles: SIGNAL_HANDLER_ROLES,
    rolesWhenConcerningMtContact: CONCERNING_MT_CONTACT_HANDLER_ROLES,
    requires: null,
  },
  {
    action: 'close',
    from: ['received', 'acknowledged', 'in-progress', 'forwarded'],
    to: 'closed',
    roles: SIGNAL_HANDLER_ROLES,
    rolesWhenConcerningMtContact: CONCERNING_MT_CONTACT_HANDLER_ROLES,
    requires: 'outcome',
  },
  {
    action: 'reopen',
    from: ['closed'],
    to: 'in-progress',
    roles: SIGNAL_REOPEN_ROLES,
    rolesWhenConcerningMtContact: CONCERNING_MT_CONTACT_HANDLER_ROLES,
    requires: null,
  },
];

/** A hand-over to a partner organisation, with the legal basis that allows sharing. */
export interface Forwarding {
  organisation: ForwardTarget;
  /** Required when organisation is 'anders': which organisation. */
  organisationName?: string;
  /** Date handed over (yyyy-mm-dd). */
  forwardedOn: string;
  legalBasis: string;
}

export interface TransitionContext {
  /** Roles of the person acting (the access policy has already let them act on this signal). */
  roles: readonly RoleId[];
  at: Date;
  forwardedTo?: Forwarding;
  outcome?: string;
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

export function isCloseOutcome(value: unknown): value is CloseOutcome {
  return typeof value === 'string' && (CLOSE_OUTCOMES as readonly string[]).includes(value);
}

export function isForwardTarget(value: unknown): value is ForwardTarget {
  return typeof value === 'string' && (FORWARD_TARGETS as readonly string[]).includes(value);
}

function transitionFor(action: WorkflowAction): SignalTransition {
  const transition = SIGNAL_TRANSITIONS.find((candidate) => candidate.action === action);
  if (!transition) throw new InvalidTransitionError(`No transition is defined for "${action}".`);
  return transition;
}

function mayTake(transition: SignalTransition, roles: readonly RoleId[], concernsMtContact: boolean): boolean {
  if (concernsMtContact) {
    if (roles.includes('mt-contact')) return false;
    return roles.some((role) => transition.rolesWhenConcerningMtContact.includes(role));
  }
  return roles.some((role) => transition.roles.includes(role));
}

/** The actions these roles may take on a signal in this status (for buttons and cards). */
export function allowedActions(
  status: SignalStatus,
  roles: readonly RoleId[],
  options: { concernsMtContact?: boolean } = {},
): WorkflowAction[] {
  const concernsMtContact = options.concernsMtContact ?? false;
  return SIGNAL_TRANSITIONS.filter(
    (transition) => transition.from.includes(status) && mayTake(transition, roles, concernsMtContact),
  ).map((transition) => transition.action);
}

function requireText(value: unknown, field: string, maxLength: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new ValidationError(`Field "${field}" is required.`, field);
  if (text.length > maxLength) {
    throw new ValidationError(`Field "${field}" must be at most ${maxLength} characters long.`, field);
  }
  return text;
}

/**
 * Checks the forwarding data of a `forward` action and returns it normalised (trimmed,
 * name dropped unless 'anders'). The Signal record keeps only the status, so the caller
 * stores the returned hand-over with the audit trail.
 */
export function validateForwarding(signal: Signal, forwarding: Forwarding | undefined, at: Date): Forwarding {
  if (!forwarding) throw new ValidationError('Forwarding needs the organisation, date and legal basis.', 'forwardedTo');
  if (!isForwardTarget(forwarding.organisation)) {
    throw new ValidationError(
      `Field "forwardedTo.organisation" must be one of: ${FORWARD_TARGETS.join(', ')}.`,
      'forwardedTo.organisation',
    );
  }
  const forwardedOn = forwarding.forwardedOn;
  const field = 'forwardedTo.forwardedOn';
  if (typeof forwardedOn !== 'string' || !isLocalDate(forwardedOn)) {
    throw new ValidationError(`Field "${field}" must be a date in the form yyyy-mm-dd.`, field);
  }
  if (forwardedOn > dutchDateOf(at)) {
    throw new ValidationError(`Field "${field}" must not be in the future.`, field);
  }
  if (forwardedOn < dutchDateOf(signal.receivedAt)) {
    throw new ValidationError(`Field "${field}" must not be before the signal was received.`, field);
  }
  const legalBasis = requireText(forwarding.legalBasis, 'forwardedTo.legalBasis', FORWARD_LEGAL_BASIS_MAX_LENGTH);
  const base = { organisation: forwarding.organisation, forwardedOn, legalBasis };
  if (forwarding.organisation !== 'anders') return base;
  const organisationName = requireText(
    forwarding.organisationName,
    'forwardedTo.organisationName',
    FORWARD_ORGANISATION_NAME_MAX_LENGTH,
  );
  return { ...base, organisationName };
}

/**
 * Takes one workflow step and returns the changed signal; the input is left untouched.
 * Leaving `received` by forwarding or closing counts as confirming receipt, so the
 * acknowledgement clock stops (acknowledgedAt is set when it was still empty).
 */
export function applyTransition(signal: Signal, action: WorkflowAction, context: TransitionContext): Signal {
  if (!isWorkflowAction(action)) {
    throw new ValidationError(`Field "action" must be one of: ${WORKFLOW_ACTIONS.join(', ')}.`, 'action');
  }
  if (!(context.at instanceof Date) || Number.isNaN(context.at.getTime())) {
    throw new ValidationError('Field "at" must be a valid moment in time.', 'at');
  }
  const transition = transitionFor(action);
  if (!transition.from.includes(signal.status)) {
    throw new InvalidTransitionError(`A signal that is "${signal.status}" cannot take the action "${action}".`);
  }
  if (!mayTake(transition, context.roles, signal.concernsMtContact)) {
    throw new ForbiddenError(`Your role may not take the action "${action}" on this signal.`);
  }

  const at = context.at.toISOString();
  const next: Signal = { ...signal, status: transition.to };
  if (transition.requires === 'forwarding') validateForwarding(signal, context.forwardedTo, context.at);
  if (transition.requires === 'outcome') {
    if (context.outcome === undefined || context.outcome === '') {
      throw new ValidationError('Closing a signal needs an outcome.', 'outcome');
    }
    if (!isCloseOutcome(context.outcome)) {
      throw new ValidationError(`Field "outcome" must be one of: ${CLOSE_OUTCOMES.join(', ')}.`, 'outcome');
    }
    next.outcome = context.outcome;
    next.closedAt = at;
  }
  // Every transition leaves `received` or starts later, so receipt is confirmed by now.
  if (signal.acknowledgedAt === null) next.acknowledgedAt = at;
  if (action === 'reopen') {
    // Open again: the closing decision no longer holds and retention waits for the next close.
    next.closedAt = null;
    next.outcome = null;
    next.retentionUntil = null;
  }
  return next;
}

type Labels<K extends string> = Record<K, Record<Language, string>>;

export const SIGNAL_STATUS_LABELS: Labels<SignalStatus> = {
  received: { nl: 'Ontvangen', en: 'Received' },
  acknowledged: { nl: 'Ontvangst bevestigd', en: 'Acknowledged' },
  'in-progress': { nl: 'In behandeling', en: 'In progress' },
  forwarded: { nl: 'Doorgestuurd', en: 'Forwarded' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
};

export const WORKFLOW_ACTION_LABELS: Labels<WorkflowAction> = {
  acknowledge: { nl: 'Ontvangst bevestigen', en: 'Acknowledge receipt' },
  start: { nl: 'In behandeling nemen', en: 'Start handling' },
  forward: { nl: 'Doorsturen', en: 'Forward' },
  resume: { nl: 'Weer oppakken', en: 'Resume' },
  close: { nl: 'Afsluiten', en: 'Close' },
  reopen: { nl: 'Heropenen', en: 'Reopen' },
};

export const FORWARD_TARGET_LABELS: Labels<ForwardTarget> = {
  riec: { nl: 'RIEC Oost-Nederland', en: 'RIEC Oost-Nederland (regional information and expertise centre)' },
  politie: { nl: 'Politie', en: 'Police' },
  'meld-misdaad-anoniem': { nl: 'Meld Misdaad Anoniem', en: 'Meld Misdaad Anoniem (Crimestoppers)' },
  belastingdienst: { nl: 'Belastingdienst', en: 'Tax and Customs Administration' },
  anders: { nl: 'Andere organisatie', en: 'Other organisation' },
};

export const CLOSE_OUTCOME_LABELS: Labels<CloseOutcome> = {
  opgepakt: { nl: 'Opgepakt binnen de gemeente', en: 'Taken up within the municipality' },
  doorgezet: { nl: 'Doorgezet naar een partner', en: 'Passed on to a partner' },
  'geen-ondermijning': { nl: 'Geen ondermijning', en: 'No subversive crime' },
  'onvoldoende-informatie': { nl: 'Onvoldoende informatie', en: 'Insufficient information' },
  samengevoegd: { nl: 'Samengevoegd met een ander signaal', en: 'Merged with another signal' },
};

/** The partner's name as shown to people: the free-text name for 'anders'. */
export function forwardingOrganisationLabel(forwarding: Forwarding, language: Language): string {
  if (forwarding.organisation === 'anders' && forwarding.organisationName) return forwarding.organisationName;
  return FORWARD_TARGET_LABELS[forwarding.organisation][language];
}
