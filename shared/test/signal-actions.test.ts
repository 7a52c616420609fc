import { describe, expect, it } from 'vitest';
import { ConcurrencyError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from '../src/domain/errors.js';
import type { Actor, Person } from '../src/domain/organisation.js';
import type { RoleId } from '../src/domain/roles.js';
import type { Signal } from '../src/domain/signal.js';
import type { SignalTimelineEntry } from '../src/domain/signal-timeline.js';
import type { AuditEvent } from '../src/ports/audit-log.js';
import { allowedSignalActions } from '../src/services/signal-action-rules.js';
import {
  etagMatches,
  performSignalAction,
  retentionTerms,
  type SignalActionDeps,
} from '../src/services/signal-actions.js';
import { makeSignal } from './signal-fixture.js';

const NOW = new Date('2026-03-10T10:00:00.000Z');

function actor(roles: RoleId[], code = '0164'): Actor {
  return { objectId: `oid-${roles.join('-')}`, upn: `${roles[0]}@hengelo.example`, roles, municipalityCodes: [code], department: null };
}

function person(roles: RoleId[], upn: string, code = '0164'): Person {
  return { upn, displayName: upn, objectId: `oid-${upn}`, municipalityCode: code, department: null, roles, locale: 'nl-NL', startDate: '2020-01-01' };
}

/** In-memory ports with the same version check as the stores, and a recording reporter channel. */
function world(initial: Signal, people: Person[] = []) {
  let stored = initial;
  const entries: SignalTimelineEntry[] = [];
  const audit: AuditEvent[] = [];
  const channel = { acknowledged: [] as string[], messages: [] as string[] };
  let counter = 0;
  const deps: SignalActionDeps = {
    signals: { get: async (id) => (id === stored.id ? stored : undefined) },
    timeline: {
      commit: async ({ signal, expectedVersion, entries: added }) => {
        if (stored.version !== expectedVersion) throw new ConcurrencyError('changed');
        stored = { ...signal, version: expectedVersion + 1 };
        entries.push(...added);
        return stored;
      },
    },
    audit: { record: async (event) => void audit.push(event) },
    reporterChannel: {
      notifyAcknowledged: async (id) => void channel.acknowledged.push(id),
      deliverMessage: async (_id, messageId) => void channel.messages.push(messageId),
    },
    directory: { findByUpn: async (upn) => people.find((p) => p.upn === upn) },
    clock: { now: () => NOW },
    ids: { newId: () => `id-${(counter += 1)}` },
    retention: retentionTerms(12, { '0164': 18 }),
  };
  return { deps, entries, audit, channel, current: () => stored };
}

const mt = actor(['employee', 'mt-contact']);
const coordinator = actor(['coordinator']);

describe('performing actions on a signal', () => {
  it('refuses a stale version with ConcurrencyError and writes nothing', async () => {
    const w = world(makeSignal({ version: 4 }));
    await expect(performSignalAction(w.deps, mt, 'sig-1', '"3"', { type: 'note', text: 'x' })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(w.entries).toEqual([]);
    expect(w.audit).toEqual([]);
    expect(w.current().version).toBe(4);
  });

  it('answers a hidden signal as unknown and a forbidden step with 403 before looking at the state', async () => {
    const w = world(makeSignal({ municipalityCode: '0153' }));
    await expect(performSignalAction(w.deps, mt, 'sig-1', '"3"', { type: 'note', text: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    const own = world(makeSignal({ status: 'received' }));
    // Reopening is for the accountable MT members, even on a signal that is not closed.
    await expect(performSignalAction(own.deps, coordinator, 'sig-1', '"3"', { type: 'transition', action: 'reopen' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(performSignalAction(own.deps, mt, 'sig-1', '"3"', { type: 'transition', action: 'reopen' })).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it('notifies the reporter once, when receipt is first confirmed (also by forwarding)', async () => {
    const w = world(makeSignal({ status: 'received' }));
    await performSignalAction(w.deps, coordinator, 'sig-1', '"3"', {
      type: 'forward',
      organisation: 'politie',
      forwardedOn: '2026-03-09',
      legalBasis: 'art. 6 lid 1 sub e AVG',
    });
    expect(w.current().status).toBe('forwarded');
    expect(w.channel.acknowledged).toEqual(['sig-1']);
    expect(w.entries.map((entry) => entry.kind)).toEqual(['status', 'forward']);
    // A second partner for a forwarded signal: the register grows, the status stays, no second notice.
    await performSignalAction(w.deps, coordinator, 'sig-1', '"4"', {
      type: 'forward',
      organisation: 'belastingdienst',
      forwardedOn: '2026-03-10',
      legalBasis: 'art. 6 lid 1 sub e AVG',
    });
    expect(w.entries.map((entry) => entry.kind)).toEqual(['status', 'forward', 'forward']);
    expect(w.channel.acknowledged).toEqual(['sig-1']);
  });

  it('closes with the municipality’s retention term', async () => {
    const w = world(makeSignal({ status: 'in-progress', acknowledgedAt: '2026-03-03T09:00:00.000Z' }));
    const { signal } = await performSignalAction(w.deps, coordinator, 'sig-1', '3', { type: 'close', outcome: 'geen-ondermijning' });
    expect(signal).toMatchObject({ status: 'closed', outcome: 'geen-ondermijning', closedAt: NOW.toISOString(), retentionUntil: '2027-09-10' });
    expect(w.audit).toEqual([expect.objectContaining({ action: 'signal.close', detail: 'close', recordId: 'sig-1', actor: coordinator.objectId })]);
  });

  it('assigns only to someone who may handle this very signal', async () => {
    const people = [person(['coordinator'], 'regisseur@hengelo.example'), person(['app-admin'], 'beheer@hengelo.example')];
    const w = world(makeSignal(), people);
    await expect(performSignalAction(w.deps, mt, 'sig-1', '"3"', { type: 'assign', assigneeUpn: 'beheer@hengelo.example' })).rejects.toMatchObject({
      field: 'assigneeUpn',
    });
    const { signal } = await performSignalAction(w.deps, mt, 'sig-1', '"3"', { type: 'assign', assigneeUpn: 'regisseur@hengelo.example' });
    expect(signal.assignedTo).toBe('regisseur@hengelo.example');
    const concerning = world(makeSignal({ concernsMtContact: true }), people);
    const deputy = actor(['mt-deputy']);
    // The coordinator stays out of a signal about the MT contact, so cannot be assigned it.
    await expect(
      performSignalAction(concerning.deps, deputy, 'sig-1', '"3"', { type: 'assign', assigneeUpn: 'regisseur@hengelo.example' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('extends retention only on a closed signal, later than now set, within 60 months', async () => {
    const open = world(makeSignal());
    await expect(
      performSignalAction(open.deps, mt, 'sig-1', '"3"', { type: 'extend-retention', until: '2027-06-01', reason: 'Lopende Bibob-procedure.' }),
    ).rejects.toBeInstanceOf(InvalidTransitionError);
    const closed = world(makeSignal({ status: 'closed', closedAt: '2026-03-01T00:00:00.000Z', outcome: 'opgepakt', retentionUntil: '2027-03-01' }));
    await expect(
      performSignalAction(closed.deps, mt, 'sig-1', '"3"', { type: 'extend-retention', until: '2031-03-11', reason: 'Lopende Bibob-procedure.' }),
    ).rejects.toMatchObject({ field: 'until' });
    await expect(
      performSignalAction(closed.deps, coordinator, 'sig-1', '"3"', { type: 'extend-retention', until: '2028-03-01', reason: 'Lopende Bibob-procedure.' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { signal } = await performSignalAction(closed.deps, mt, 'sig-1', '"3"', { type: 'extend-retention', until: '2028-03-01', reason: 'Lopende Bibob-procedure.' });
    expect(signal.retentionUntil).toBe('2028-03-01');
    expect(closed.entries).toEqual([expect.objectContaining({ kind: 'retention', retentionUntil: '2028-03-01', text: 'Lopende Bibob-procedure.' })]);
  });

  it('names the offending field of an invalid request', async () => {
    const w = world(makeSignal());
    await expect(performSignalAction(w.deps, mt, 'sig-1', '"3"', { type: 'explode' })).rejects.toMatchObject({ field: 'type' });
    await expect(performSignalAction(w.deps, mt, 'sig-1', '"3"', { type: 'transition', action: 'close' })).rejects.toMatchObject({ field: 'action' });
    await expect(
      performSignalAction(w.deps, mt, 'sig-1', '"3"', { type: 'forward', organisation: 'anders', forwardedOn: '2026-03-09', legalBasis: 'x' }),
    ).rejects.toMatchObject({ field: 'organisationName' });
  });
});

describe('ETags and retention terms', () => {
  it.each([
    ['"3"', true],
    ['W/"3"', true],
    ['3', true],
    ['"4"', false],
    ['*', false],
    ['"3x"', false],
  ])('If-Match %s against version 3: %s', (ifMatch, match) => {
    expect(etagMatches(ifMatch, 3)).toBe(match);
  });

  it('refuses a retention term outside 1..120 months', () => {
    expect(() => retentionTerms(0)).toThrow(ValidationError);
    expect(() => retentionTerms(12, { '0164': 121 })).toThrow(ValidationError);
    expect(retentionTerms(12, { '0164': 18 }).monthsAfterClosure('0153')).toBe(12);
  });
});

describe('the buttons a caller gets', () => {
  it.each([
    [['employee', 'mt-contact'], 'confidential', ['acknowledge', 'assign', 'note', 'enrich', 'message', 'forward', 'close', 'reveal-reporter']],
    [['coordinator'], 'confidential', ['acknowledge', 'assign', 'note', 'enrich', 'message', 'forward', 'close']],
    [['coordinator'], 'named', ['acknowledge', 'assign', 'note', 'enrich', 'message', 'forward', 'close']],
    [['secretary'], 'named', []],
    [['app-admin'], 'named', []],
  ] as const)('%j on a received %s signal', (roles, confidentiality, expected) => {
    expect(allowedSignalActions(actor([...roles]), makeSignal({ confidentiality }))).toEqual(expected);
  });

  it('on a closed signal: note, message, reopen and extending retention for the MT contact', () => {
    const closed = makeSignal({ status: 'closed', closedAt: '2026-03-01T00:00:00.000Z', outcome: 'opgepakt', retentionUntil: '2027-03-01' });
    expect(allowedSignalActions(mt, closed)).toEqual(['transition', 'note', 'message', 'extend-retention']);
    expect(allowedSignalActions(coordinator, closed)).toEqual(['note', 'message']);
  });
});
