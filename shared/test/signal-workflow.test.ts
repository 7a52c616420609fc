import { describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidTransitionError, ValidationError } from '../src/domain/errors.js';
import { ROLE_IDS, type RoleId } from '../src/domain/roles.js';
import { SIGNAL_STATUSES, type SignalStatus } from '../src/domain/signal.js';
import {
  CLOSE_OUTCOME_LABELS,
  CLOSE_OUTCOMES,
  FORWARD_TARGET_LABELS,
  FORWARD_TARGETS,
  SIGNAL_STATUS_LABELS,
  SIGNAL_TRANSITIONS,
  WORKFLOW_ACTION_LABELS,
  WORKFLOW_ACTIONS,
  allowedActions,
  applyTransition,
  forwardingOrganisationLabel,
  type Forwarding,
  type TransitionContext,
  type WorkflowAction,
} from '../src/domain/signal-workflow.js';
import { makeSignal } from './signal-fixture.js';

const AT = new Date('2026-03-05T10:00:00.000Z');
const FORWARDING: Forwarding = { organisation: 'riec', forwardedOn: '2026-03-05', legalBasis: 'art. 20 Wpg' };

// The expected workflow, written out independently of SIGNAL_TRANSITIONS.
const EXPECTED_FROM: Record<WorkflowAction, readonly SignalStatus[]> = {
  acknowledge: ['received'],
  start: ['acknowledged'],
  forward: ['received', 'acknowledged', 'in-progress'],
  resume: ['forwarded'],
  close: ['received', 'acknowledged', 'in-progress', 'forwarded'],
  reopen: ['closed'],
};
const EXPECTED_TO: Record<WorkflowAction, SignalStatus> = {
  acknowledge: 'acknowledged',
  start: 'in-progress',
  forward: 'forwarded',
  resume: 'in-progress',
  close: 'closed',
  reopen: 'in-progress',
};
function expectedMayAct(action: WorkflowAction, role: RoleId, concernsMtContact: boolean): boolean {
  if (concernsMtContact) return role === 'mt-deputy' || role === 'secretary';
  if (action === 'reopen') return role === 'mt-contact' || role === 'mt-deputy';
  return role === 'mt-contact' || role === 'mt-deputy' || role === 'coordinator';
}

function contextFor(action: WorkflowAction, roles: readonly RoleId[]): TransitionContext {
  return {
    roles,
    at: AT,
    ...(action === 'forward' ? { forwardedTo: FORWARDING } : {}),
    ...(action === 'close' ? { outcome: 'geen-ondermijning' } : {}),
  };
}

const MATRIX = SIGNAL_STATUSES.flatMap((status) =>
  WORKFLOW_ACTIONS.flatMap((action) =>
    ROLE_IDS.flatMap((role) =>
      [false, true].map((concernsMtContact) => {
        const outcome = !EXPECTED_FROM[action].includes(status)
          ? 'invalid-transition'
          : expectedMayAct(action, role, concernsMtContact)
            ? EXPECTED_TO[action]
            : 'forbidden';
        return { status, action, role, concernsMtContact, outcome };
      }),
    ),
  ),
);

describe('signal workflow: every status × action × role', () => {
  it('covers the full matrix', () => {
    expect(MATRIX).toHaveLength(SIGNAL_STATUSES.length * WORKFLOW_ACTIONS.length * ROLE_IDS.length * 2);
  });

  it.each(MATRIX)(
    '$action from $status by $role (concerns MT contact: $concernsMtContact) → $outcome',
    ({ status, action, role, concernsMtContact, outcome }) => {
      const signal = makeSignal({ status, concernsMtContact, acknowledgedAt: status === 'received' ? null : '2026-03-03T08:00:00.000Z' });
      const attempt = () => applyTransition(signal, action, contextFor(action, [role]));
      if (outcome === 'invalid-transition') expect(attempt).toThrow(InvalidTransitionError);
      else if (outcome === 'forbidden') expect(attempt).toThrow(ForbiddenError);
      else expect(attempt().status).toBe(outcome);

      const offered = allowedActions(status, [role], { concernsMtContact }).includes(action);
      expect(offered).toBe(outcome !== 'invalid-transition' && outcome !== 'forbidden');
    },
  );
});

describe('signal workflow: what each step records', () => {
  it('exports the transition table with one row per action', () => {
    expect(SIGNAL_TRANSITIONS.map((transition) => transition.action)).toEqual([...WORKFLOW_ACTIONS]);
  });

  it('acknowledging records when receipt was confirmed, without touching the input', () => {
    const signal = Object.freeze(makeSignal());
    const next = applyTransition(signal, 'acknowledge', contextFor('acknowledge', ['mt-contact']));
    expect(next).not.toBe(signal);
    expect(next.acknowledgedAt).toBe(AT.toISOString());
    expect(signal.status).toBe('received');
    expect(signal.acknowledgedAt).toBeNull();
    expect(next.version).toBe(signal.version);
  });

  it('closing an unacknowledged signal confirms receipt implicitly', () => {
    const next = applyTransition(makeSignal(), 'close', { roles: ['coordinator'], at: AT, outcome: 'onvoldoende-informatie' });
    expect(next).toMatchObject({
      status: 'closed',
      acknowledgedAt: AT.toISOString(),
      closedAt: AT.toISOString(),
      outcome: 'onvoldoende-informatie',
    });
  });

  it('forwarding an unacknowledged signal confirms receipt implicitly', () => {
    const next = applyTransition(makeSignal(), 'forward', contextFor('forward', ['mt-deputy']));
    expect(next.acknowledgedAt).toBe(AT.toISOString());
  });

  it('keeps the first acknowledgement when closing later', () => {
    const acknowledgedAt = '2026-03-03T08:00:00.000Z';
    const next = applyTransition(makeSignal({ status: 'in-progress', acknowledgedAt }), 'close', {
      roles: ['mt-contact'],
      at: AT,
      outcome: 'opgepakt',
    });
    expect(next.acknowledgedAt).toBe(acknowledgedAt);
  });

  it('reopening clears the closing decision and the retention date', () => {
    const closed = makeSignal({
      status: 'closed',
      acknowledgedAt: '2026-03-03T08:00:00.000Z',
      closedAt: '2026-03-04T08:00:00.000Z',
      outcome: 'opgepakt',
      retentionUntil: '2027-03-04',
    });
    const next = applyTransition(closed, 'reopen', { roles: ['mt-deputy'], at: AT });
    expect(next).toMatchObject({ status: 'in-progress', closedAt: null, outcome: null, retentionUntil: null });
    expect(next.acknowledgedAt).toBe('2026-03-03T08:00:00.000Z');
  });

  it('refuses a person holding mt-contact on a signal about the MT contact, whatever else they hold', () => {
    const signal = makeSignal({ concernsMtContact: true });
    expect(() => applyTransition(signal, 'acknowledge', { roles: ['mt-contact', 'secretary'], at: AT })).toThrow(ForbiddenError);
    expect(allowedActions('received', ['mt-contact', 'mt-deputy'], { concernsMtContact: true })).toEqual([]);
  });

  it('offers the union of actions for several roles', () => {
    expect(allowedActions('closed', ['coordinator'])).toEqual([]);
    expect(allowedActions('closed', ['coordinator', 'mt-deputy'])).toEqual(['reopen']);
    expect(allowedActions('received', ['employee', 'coordinator'])).toEqual(['acknowledge', 'forward', 'close']);
  });
});

describe('signal workflow: required data', () => {
  const forward = (forwardedTo: Forwarding | undefined) => () =>
    applyTransition(makeSignal(), 'forward', { roles: ['mt-contact'], at: AT, ...(forwardedTo ? { forwardedTo } : {}) });

  it.each([
    ['forwardedTo', undefined],
    ['forwardedTo.organisation', { ...FORWARDING, organisation: 'fiod' as Forwarding['organisation'] }],
    ['forwardedTo.forwardedOn', { ...FORWARDING, forwardedOn: '5-3-2026' }],
    ['forwardedTo.forwardedOn', { ...FORWARDING, forwardedOn: '2026-03-06' }],
    ['forwardedTo.forwardedOn', { ...FORWARDING, forwardedOn: '2026-03-01' }],
    ['forwardedTo.legalBasis', { ...FORWARDING, legalBasis: '   ' }],
    ['forwardedTo.legalBasis', { ...FORWARDING, legalBasis: 'x'.repeat(501) }],
    ['forwardedTo.organisationName', { ...FORWARDING, organisation: 'anders' as const }],
    ['forwardedTo.organisationName', { ...FORWARDING, organisation: 'anders' as const, organisationName: 'y'.repeat(201) }],
  ])('refuses a forward with a bad %s', (field, forwardedTo) => {
    expect(forward(forwardedTo)).toThrow(ValidationError);
    expect(forward(forwardedTo)).toThrow(expect.objectContaining({ field }));
  });

  it('accepts another organisation when it is named', () => {
    const forwardedTo: Forwarding = { ...FORWARDING, organisation: 'anders', organisationName: 'Omgevingsdienst Twente' };
    expect(forward(forwardedTo)().status).toBe('forwarded');
    expect(forwardingOrganisationLabel(forwardedTo, 'nl')).toBe('Omgevingsdienst Twente');
    expect(forwardingOrganisationLabel(FORWARDING, 'en')).toContain('RIEC');
  });

  it.each([undefined, '', 'afgehandeld'])('refuses to close with outcome %j', (outcome) => {
    const attempt = () =>
      applyTransition(makeSignal(), 'close', { roles: ['mt-contact'], at: AT, ...(outcome === undefined ? {} : { outcome }) });
    expect(attempt).toThrow(expect.objectContaining({ field: 'outcome', code: 'invalid-input' }));
  });

  it('refuses an unknown action and an invalid moment', () => {
    expect(() => applyTransition(makeSignal(), 'archive' as WorkflowAction, { roles: ['mt-contact'], at: AT })).toThrow(
      expect.objectContaining({ field: 'action' }),
    );
    expect(() => applyTransition(makeSignal(), 'acknowledge', { roles: ['mt-contact'], at: new Date('nope') })).toThrow(
      expect.objectContaining({ field: 'at' }),
    );
  });
});

describe('signal workflow: labels', () => {
  it.each([
    ['status', SIGNAL_STATUSES, SIGNAL_STATUS_LABELS],
    ['action', WORKFLOW_ACTIONS, WORKFLOW_ACTION_LABELS],
    ['outcome', CLOSE_OUTCOMES, CLOSE_OUTCOME_LABELS],
    ['forward target', FORWARD_TARGETS, FORWARD_TARGET_LABELS],
  ] as const)('every %s has a Dutch and an English label', (_kind, ids, labels) => {
    for (const id of ids) {
      const label = (labels as Record<string, { nl: string; en: string }>)[id];
      expect(label?.nl.trim()).toBeTruthy();
      expect(label?.en.trim()).toBeTruthy();
    }
  });
});
