import type { SignalActionRequest, SignalActionType } from '../api/signals-api.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Actor } from '../domain/organisation.js';
import { decide, IDENTITY_REASON_MIN_LENGTH } from '../domain/policy.js';
import type { PolicyDecision } from '../domain/policy-types.js';
import { SIGNAL_STATUSES, type Signal } from '../domain/signal.js';
import { allowedActions, type WorkflowAction } from '../domain/signal-workflow.js';
import { signalResourceOf } from './signal-access.js';

/**
 * Who may take which action on a signal, from the access policy (`decide`) and the
 * workflow's transition table; no role is named here. Order of refusals: a signal the
 * actor may not see is unknown (404) whatever they ask; a visible one with an action
 * their role may not take is forbidden (403), before its state is even looked at.
 */
function deny(decision: PolicyDecision): never {
  if (decision.allowed) throw new Error('deny() called on an allowed decision');
  if (decision.httpStatus === 404) throw new NotFoundError('not visible to this actor');
  throw new ForbiddenError('not allowed for this role');
}

/** Whether the roles may take a workflow step at all, in any status (the status is checked later). */
export function roleMayTakeStep(actor: Actor, signal: Signal, step: WorkflowAction): boolean {
  const options = { concernsMtContact: signal.concernsMtContact };
  return SIGNAL_STATUSES.some((status) => allowedActions(status, actor.roles, options).includes(step));
}

/** The workflow step an action takes, if any. */
export function workflowStepOf(request: SignalActionRequest): WorkflowAction | null {
  switch (request.type) {
    case 'acknowledge':
      return 'acknowledge';
    case 'transition':
      return request.action as WorkflowAction;
    case 'forward':
      return 'forward';
    case 'close':
      return 'close';
    case 'extend-retention':
      // Extending retention undoes part of a closing decision, like reopening does: the
      // same accountable MT members may do it.
      return 'reopen';
    default:
      return null;
  }
}

/** The signal must be visible to the actor; otherwise it is as unknown as a missing id. */
export function assertSignalVisible(actor: Actor, signal: Signal): void {
  const read = decide(actor, 'signal.read', signalResourceOf(signal));
  if (!read.allowed) deny(read);
}

/**
 * Throws NotFoundError / ForbiddenError unless the actor may take the action. Returns
 * the reason to audit for reading a confidential reporter's identity.
 */
export function authorizeSignalAction(actor: Actor, signal: Signal, request: SignalActionRequest): { auditReason?: string } {
  assertSignalVisible(actor, signal);
  if (request.type === 'reveal-reporter') {
    const decision = decide(actor, 'signal.read-reporter', signalResourceOf(signal, request.reason));
    if (!decision.allowed) deny(decision);
    return decision.auditReason !== undefined ? { auditReason: decision.auditReason } : {};
  }
  const act = decide(actor, 'signal.act', signalResourceOf(signal));
  if (!act.allowed) deny(act);
  const step = workflowStepOf(request);
  if (step && !roleMayTakeStep(actor, signal, step)) throw new ForbiddenError('role may not take this step');
  return {};
}

/** Whether the reporter's identity is shown without a stated reason (named reporters). */
export function reporterVisibleWithoutReason(actor: Actor, signal: Signal): boolean {
  return signal.reporter !== null && decide(actor, 'signal.read-reporter', signalResourceOf(signal)).allowed;
}

/** Whether the actor could read a confidential reporter's identity by stating a reason. */
export function reporterRevealableWithReason(actor: Actor, signal: Signal): boolean {
  const placeholderReason = 'x'.repeat(IDENTITY_REASON_MIN_LENGTH);
  return (
    signal.confidentiality === 'confidential' &&
    signal.reporter !== null &&
    decide(actor, 'signal.read-reporter', signalResourceOf(signal, placeholderReason)).allowed
  );
}

/** The actions this actor may take on the signal now (drives the dashboard's buttons). */
export function allowedSignalActions(actor: Actor, signal: Signal): SignalActionType[] {
  const result: SignalActionType[] = [];
  if (!decide(actor, 'signal.read', signalResourceOf(signal)).allowed) return result;
  const mayAct = decide(actor, 'signal.act', signalResourceOf(signal)).allowed;
  if (mayAct) {
    const steps = allowedActions(signal.status, actor.roles, { concernsMtContact: signal.concernsMtContact });
    const open = signal.status !== 'closed';
    if (steps.includes('acknowledge')) result.push('acknowledge');
    if (open) result.push('assign');
    if (steps.some((step) => step === 'start' || step === 'resume' || step === 'reopen')) result.push('transition');
    result.push('note');
    if (open) result.push('enrich');
    result.push('message');
    if (steps.includes('forward') || (signal.status === 'forwarded' && roleMayTakeStep(actor, signal, 'forward'))) {
      result.push('forward');
    }
    if (steps.includes('close')) result.push('close');
    if (!open && roleMayTakeStep(actor, signal, 'reopen')) result.push('extend-retention');
  }
  if (reporterRevealableWithReason(actor, signal)) result.push('reveal-reporter');
  return result;
}
