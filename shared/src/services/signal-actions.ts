import type { SignalActionRequest } from '../api/signals-api.js';
import { ConcurrencyError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import { addMonths, dutchDateOf } from '../domain/local-date.js';
import { actorFromPerson, type Actor } from '../domain/organisation.js';
import { decide } from '../domain/policy.js';
import type { Signal } from '../domain/signal.js';
import type { SignalTimelineEntry } from '../domain/signal-timeline.js';
import { applyTransition, validateForwarding, type Forwarding, type WorkflowAction } from '../domain/signal-workflow.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock, Directory, IdGenerator, ReporterChannel } from '../ports/runtime.js';
import type { SignalRepository, SignalTimelineRepository } from '../ports/service-store.js';
import { parseInput } from '../schemas/inputs.js';
import { signalActionRequestSchema } from '../schemas/signal-actions.js';
import { signalResourceOf } from './signal-access.js';
import { authorizeSignalAction } from './signal-action-rules.js';

/**
 * The actions of the MT contact and the coordinator on one signal (the dashboard's
 * buttons): checked against the access policy, the workflow and the caller's If-Match,
 * then written with their timeline entries in one transaction and audited. Messages to
 * the reporter go through the ReporterChannel, which never tells the handler who it is.
 */
export const DEFAULT_RETENTION_MONTHS = 12;
export const RETENTION_MONTHS_RANGE = { min: 1, max: 120 } as const;
/** How far beyond today one extension may reach; a longer need is a new decision later. */
export const MAX_RETENTION_EXTENSION_MONTHS = 60;

/** The retention term each municipality configured: months after closure. */
export interface RetentionTerms {
  monthsAfterClosure(municipalityCode: string): number;
}

export function retentionTerms(defaultMonths: number, perMunicipality: Readonly<Record<string, number>> = {}): RetentionTerms {
  for (const months of [defaultMonths, ...Object.values(perMunicipality)]) {
    if (!Number.isInteger(months) || months < RETENTION_MONTHS_RANGE.min || months > RETENTION_MONTHS_RANGE.max) {
      throw new ValidationError(
        `A retention term must be a whole number of months from ${RETENTION_MONTHS_RANGE.min} to ${RETENTION_MONTHS_RANGE.max}.`,
        'retentionMonths',
      );
    }
  }
  return { monthsAfterClosure: (code) => perMunicipality[code] ?? defaultMonths };
}

/** The retention date of a signal closed at `closedAt`: the same day, `months` later (Dutch calendar). */
export function retentionUntilAfterClosure(closedAt: string, months: number): string {
  return addMonths(dutchDateOf(closedAt), months);
}

export interface SignalActionDeps {
  signals: Pick<SignalRepository, 'get'>;
  timeline: Pick<SignalTimelineRepository, 'commit'>;
  audit: Pick<AuditLog, 'record'>;
  reporterChannel: ReporterChannel;
  directory: Pick<Directory, 'findByUpn'>;
  clock: Clock;
  ids: IdGenerator;
  retention: RetentionTerms;
}

export interface SignalActionResult {
  signal: Signal;
  /** True for reveal-reporter: this answer may carry the reporter's identity. */
  reporterRevealed: boolean;
}

/** The ETag of a signal: its version, quoted. */
export function signalEtag(signal: Pick<Signal, 'version'>): string {
  return `"${signal.version}"`;
}

/** Whether an If-Match value ("3", W/"3" or 3) names this version. */
export function etagMatches(ifMatch: string, version: number): boolean {
  const bare = ifMatch.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  return /^\d+$/.test(bare) && Number(bare) === version;
}

interface PlannedChange {
  next: Signal;
  entries: SignalTimelineEntry[];
  auditDetail?: string;
  afterCommit: (() => Promise<void>)[];
}

export async function performSignalAction(
  deps: SignalActionDeps,
  actor: Actor,
  signalId: string,
  ifMatch: string,
  input: unknown,
): Promise<SignalActionResult> {
  const request = parseInput(signalActionRequestSchema, input) as SignalActionRequest;
  const signal = await deps.signals.get(signalId);
  if (!signal) throw new NotFoundError('unknown signal');
  const { auditReason } = authorizeSignalAction(actor, signal, request);
  if (!etagMatches(ifMatch, signal.version)) throw new ConcurrencyError('the signal changed since it was read');

  const now = deps.clock.now();
  const at = now.toISOString();
  const audit = (action: string, detail?: string) =>
    deps.audit.record({
      id: deps.ids.newId(),
      at,
      actor: actor.objectId,
      action,
      recordType: 'signal',
      recordId: signal.id,
      municipalityCode: signal.municipalityCode,
      ...(detail !== undefined ? { detail } : {}),
    });

  if (request.type === 'reveal-reporter') {
    await audit('signal.read-reporter', auditReason ?? 'named reporter');
    return { signal, reporterRevealed: true };
  }

  const entry = (fields: Omit<SignalTimelineEntry, 'id' | 'signalId' | 'at' | 'actor'>): SignalTimelineEntry => ({
    id: deps.ids.newId(),
    signalId: signal.id,
    at,
    actor: actor.objectId,
    ...fields,
  });
  const change = await planChange(deps, actor, signal, request, now, entry);
  if (signal.acknowledgedAt === null && change.next.acknowledgedAt !== null) {
    // Any step out of `received` confirms receipt; the reporter hears of it once.
    change.afterCommit.push(() => deps.reporterChannel.notifyAcknowledged(signal.id));
  }
  const committed = await deps.timeline.commit({ signal: change.next, expectedVersion: signal.version, entries: change.entries });
  await audit(`signal.${request.type}`, change.auditDetail);
  for (const effect of change.afterCommit) await effect();
  return { signal: committed, reporterRevealed: false };
}

type EntryFactory = (fields: Omit<SignalTimelineEntry, 'id' | 'signalId' | 'at' | 'actor'>) => SignalTimelineEntry;

async function planChange(
  deps: SignalActionDeps,
  actor: Actor,
  signal: Signal,
  request: Exclude<SignalActionRequest, { type: 'reveal-reporter' }>,
  now: Date,
  entry: EntryFactory,
): Promise<PlannedChange> {
  const step = (action: WorkflowAction, extra: { forwardedTo?: Forwarding; outcome?: string } = {}): PlannedChange => {
    const next = applyTransition(signal, action, { roles: actor.roles, at: now, ...extra });
    const status = entry({ kind: 'status', status: next.status, action, ...(next.outcome && action === 'close' ? { outcome: next.outcome } : {}) });
    return { next, entries: [status], auditDetail: action, afterCommit: [] };
  };
  const requireOpen = (what: string) => {
    if (signal.status === 'closed') throw new InvalidTransitionError(`a closed signal cannot take "${what}"; reopen it first`);
  };

  switch (request.type) {
    case 'acknowledge':
      return step('acknowledge');
    case 'transition':
      return step(request.action as WorkflowAction);
    case 'close': {
      const change = step('close', { outcome: request.outcome });
      const closedAt = change.next.closedAt ?? now.toISOString();
      change.next = {
        ...change.next,
        retentionUntil: retentionUntilAfterClosure(closedAt, deps.retention.monthsAfterClosure(signal.municipalityCode)),
      };
      return change;
    }
    case 'forward': {
      const forwarding = validForwarding(signal, request, now);
      const handOver = entry({ kind: 'forward', forward: forwarding });
      // A second partner for a signal already forwarded: the register grows, the status stays.
      if (signal.status === 'forwarded') return { next: signal, entries: [handOver], auditDetail: forwarding.organisation, afterCommit: [] };
      const change = step('forward', { forwardedTo: forwarding });
      return { ...change, entries: [...change.entries, handOver], auditDetail: forwarding.organisation };
    }
    case 'assign': {
      requireOpen('assign');
      const assignee = await eligibleAssignee(deps, signal, request.assigneeUpn);
      return {
        next: { ...signal, assignedTo: assignee },
        entries: [entry({ kind: 'assignment', assigneeUpn: assignee })],
        afterCommit: [],
      };
    }
    case 'note':
      return { next: signal, entries: [entry({ kind: 'note', text: request.text })], afterCommit: [] };
    case 'enrich':
      requireOpen('enrich');
      return { next: signal, entries: [entry({ kind: 'enrichment', enrichment: request.link })], auditDetail: request.link.type, afterCommit: [] };
    case 'message': {
      const message = entry({ kind: 'message-to-reporter', text: request.text });
      return {
        next: signal,
        entries: [message],
        afterCommit: [() => deps.reporterChannel.deliverMessage(signal.id, message.id)],
      };
    }
    case 'extend-retention':
      return extendRetention(signal, request, now, entry);
  }
}

function validForwarding(signal: Signal, request: Extract<SignalActionRequest, { type: 'forward' }>, now: Date): Forwarding {
  const forwarding: Forwarding = {
    organisation: request.organisation as Forwarding['organisation'],
    forwardedOn: request.forwardedOn,
    legalBasis: request.legalBasis,
    ...(request.organisationName !== undefined ? { organisationName: request.organisationName } : {}),
  };
  try {
    return validateForwarding(signal, forwarding, now);
  } catch (error) {
    // The workflow names the fields as in its own record; the API sends them flat.
    if (error instanceof ValidationError) {
      const field = error.field.replace(/^forwardedTo\.?/, '') || 'organisation';
      throw new ValidationError(error.message.replace('forwardedTo.', ''), field);
    }
    throw error;
  }
}

/** The assignee must be able to handle this very signal, by the same policy as the caller. */
async function eligibleAssignee(deps: SignalActionDeps, signal: Signal, upn: string): Promise<string> {
  const person = await deps.directory.findByUpn(upn);
  const mayHandle = person !== undefined && decide(actorFromPerson(person), 'signal.act', signalResourceOf(signal)).allowed;
  if (!person || !mayHandle) {
    throw new ValidationError('Field "assigneeUpn" must name a person who may handle this signal.', 'assigneeUpn');
  }
  return person.upn;
}

function extendRetention(
  signal: Signal,
  request: Extract<SignalActionRequest, { type: 'extend-retention' }>,
  now: Date,
  entry: EntryFactory,
): PlannedChange {
  if (signal.status !== 'closed' || signal.retentionUntil === null) {
    throw new InvalidTransitionError('only a closed signal has a retention date to extend');
  }
  if (request.until <= signal.retentionUntil) {
    throw new ValidationError(`Field "until" must be after the current retention date ${signal.retentionUntil}.`, 'until');
  }
  const latest = addMonths(dutchDateOf(now), MAX_RETENTION_EXTENSION_MONTHS);
  if (request.until > latest) {
    throw new ValidationError(`Field "until" must not be after ${latest} (${MAX_RETENTION_EXTENSION_MONTHS} months from today).`, 'until');
  }
  return {
    next: { ...signal, retentionUntil: request.until },
    entries: [entry({ kind: 'retention', retentionUntil: request.until, text: request.reason })],
    auditDetail: `until ${request.until}: ${request.reason}`,
    afterCommit: [],
  };
}
