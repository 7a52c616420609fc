import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dutchDateOf, type RoleId, type Signal } from '@weerbaar/shared';
import { api, seed } from './support/instance-harness.js';
import { seededPerson, startSignalsApi, type SignalsApiHarness } from './support/signals-api-harness.js';

/**
 * The whole role × municipality × operation matrix over HTTP. The instance serves
 * Dinkelland (1774) and Tubbergen (0183), which share one tenant, so people of both can
 * sign in; the signals are Dinkelland's. Tubbergen's people must not learn they exist.
 */
const OWN = '1774';
const OTHER = '0183';
const ROLES: RoleId[] = ['employee', 'department-head', 'mt-contact', 'mt-deputy', 'coordinator', 'secretary', 'app-admin', 'privacy-officer'];
const NOW = new Date('2026-11-20T10:00:00.000Z');
const TODAY = dutchDateOf(NOW);

type Outcome = 200 | 403 | 404;
type Operation = {
  name: string;
  /** The signal the operation is about, in the state the operation needs. */
  signal?: (h: SignalsApiHarness) => Promise<Signal>;
  request: (signal: Signal | undefined) => { method: 'GET' | 'POST'; route: string; body?: unknown; etag?: boolean };
  /** Own-municipality roles that may; `forbidden` get 403, all others of the municipality 404 (or 403 for municipality-wide routes). */
  allowed: RoleId[];
  forbidden?: RoleId[];
  scope: 'signal' | 'municipality';
};

const received = (h: SignalsApiHarness) => h.addSignal(OWN);
const acknowledged = (h: SignalsApiHarness) => h.addSignal(OWN, { status: 'acknowledged', acknowledgedAt: new Date(NOW.getTime() - 86_400_000).toISOString() });
const closed = (h: SignalsApiHarness) =>
  h.addSignal(OWN, {
    status: 'closed',
    acknowledgedAt: new Date(NOW.getTime() - 86_400_000).toISOString(),
    closedAt: NOW.toISOString(),
    outcome: 'geen-ondermijning',
    retentionUntil: addMonths(TODAY, 12),
  });
const action = (body: Record<string, unknown>) => (signal: Signal | undefined) => ({
  method: 'POST' as const,
  route: `/api/signals/${signal!.id}/actions`,
  body,
  etag: true,
});
const HANDLERS: RoleId[] = ['mt-contact', 'mt-deputy', 'coordinator'];

const OPERATIONS: Operation[] = [
  { name: 'list', request: () => ({ method: 'GET', route: '/api/signals' }), allowed: [...HANDLERS, 'secretary'], scope: 'municipality' },
  { name: 'get', signal: received, request: (s) => ({ method: 'GET', route: `/api/signals/${s!.id}` }), allowed: HANDLERS, scope: 'signal' },
  { name: 'acknowledge', signal: received, request: action({ type: 'acknowledge' }), allowed: HANDLERS, scope: 'signal' },
  { name: 'assign', signal: received, request: action({ type: 'assign', assigneeUpn: seededPerson(OWN, 'coordinator')!.upn }), allowed: HANDLERS, scope: 'signal' },
  { name: 'transition', signal: acknowledged, request: action({ type: 'transition', action: 'start' }), allowed: HANDLERS, scope: 'signal' },
  { name: 'note', signal: received, request: action({ type: 'note', text: 'Navragen bij team Handhaving.' }), allowed: HANDLERS, scope: 'signal' },
  { name: 'enrich', signal: received, request: action({ type: 'enrich', link: { type: 'kvk', number: '12345678' } }), allowed: HANDLERS, scope: 'signal' },
  { name: 'message', signal: received, request: action({ type: 'message', text: 'Kun je zeggen wanneer dit was?' }), allowed: HANDLERS, scope: 'signal' },
  {
    name: 'forward',
    signal: received,
    request: action({ type: 'forward', organisation: 'riec', forwardedOn: TODAY, legalBasis: 'Convenant RIEC Oost-Nederland, AVG art. 6 lid 1 sub e' }),
    allowed: HANDLERS,
    scope: 'signal',
  },
  { name: 'close', signal: received, request: action({ type: 'close', outcome: 'geen-ondermijning' }), allowed: HANDLERS, scope: 'signal' },
  {
    name: 'extend-retention',
    signal: closed,
    request: action({ type: 'extend-retention', until: addMonths(TODAY, 18), reason: 'Lopende Bibob-procedure bij deze aanvrager.' }),
    allowed: ['mt-contact', 'mt-deputy'],
    forbidden: ['coordinator'],
    scope: 'signal',
  },
  {
    name: 'reveal-reporter',
    signal: received,
    request: action({ type: 'reveal-reporter', reason: 'Melder horen als getuige in het onderzoek.' }),
    allowed: ['mt-contact', 'mt-deputy'],
    forbidden: ['coordinator'],
    scope: 'signal',
  },
  { name: 'export', request: () => ({ method: 'GET', route: '/api/signals/export.csv' }), allowed: ['mt-contact', 'mt-deputy', 'secretary'], scope: 'municipality' },
  { name: 'insights', request: () => ({ method: 'GET', route: '/api/insights' }), allowed: [...HANDLERS, 'secretary'], scope: 'municipality' },
  { name: 'audit', request: () => ({ method: 'GET', route: '/api/audit' }), allowed: ['mt-contact', 'privacy-officer'], scope: 'municipality' },
  { name: 'disclosures', request: () => ({ method: 'GET', route: '/api/disclosures' }), allowed: ['mt-contact', 'privacy-officer'], scope: 'municipality' },
];

function expected(operation: Operation, role: RoleId, own: boolean): Outcome {
  // A signal of another municipality does not exist for the caller; a municipality-wide
  // route answers them about their own municipality only (checked on the body below).
  if (operation.scope === 'signal' && !own) return 404;
  if (operation.allowed.includes(role)) return 200;
  if (operation.forbidden?.includes(role)) return 403;
  return operation.scope === 'signal' ? 404 : 403;
}

const CASES = ROLES.flatMap((role) =>
  [true, false].flatMap((own) => {
    const person = seededPerson(own ? OWN : OTHER, role);
    // Tubbergen has no privacy officer of its own: Dinkelland's serves both.
    if (!person) return [];
    return OPERATIONS.map((operation) => ({
      role,
      where: own ? 'own' : 'other',
      person,
      operation,
      want: expected(operation, role, own),
    }));
  }),
);

describe('signals API: role × municipality × operation', () => {
  let h: SignalsApiHarness;
  beforeAll(async () => {
    h = await startSignalsApi({ codes: [OWN, OTHER], now: NOW });
  });
  afterAll(async () => h?.close());

  it('covers every seeded role of both municipalities and every operation', () => {
    expect(CASES.length).toBe((ROLES.length * 2 - 1) * OPERATIONS.length);
  });

  it.each(CASES)('$role ($where) → $operation.name: $want', async ({ role, person, operation, want }) => {
    const signal = operation.signal ? await operation.signal(h) : await h.addSignal(OWN);
    const request = operation.request(signal);
    const res = await api(h.baseUrl, request.route, {
      method: request.method,
      token: await h.tokenFor(person),
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(request.etag ? { headers: { 'if-match': `"${signal.version}"` } } : {}),
    });
    expect(res.status).toBe(want);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = JSON.stringify(res.body ?? '');
    if (want !== 200) {
      expect(res.body.error?.code).toBe(want === 404 ? 'not-found' : 'forbidden');
    }
    if (want === 200 && operation.scope === 'signal') {
      expect(res.body.id).toBe(signal.id);
      expect(res.headers.get('etag')).toBe(res.body.etag);
    }
    if (want === 200 && operation.name === 'reveal-reporter') {
      expect(res.body.reporter).toEqual({ displayName: signal.reporter!.displayName, upn: signal.reporter!.upn });
    }
    if (want === 200 && operation.name === 'export') {
      // The secretary exports only signals concerning the MT contact; this one is not.
      expect(text.includes(signal.reference)).toBe(role !== 'secretary' && person.municipalityCode === OWN);
    }
    if (person.municipalityCode === OTHER || want !== 200) {
      // Nothing of the Dinkelland signal leaks to Tubbergen, nor in any refusal.
      expect(text).not.toContain(signal.id);
      expect(text).not.toContain(signal.reference);
      expect(text).not.toContain(signal.content.description);
    }
    if (!HANDLERS.includes(role)) {
      // Content of an ordinary signal is for its handlers only (the app admin and the privacy officer never).
      expect(text).not.toContain(signal.content.description);
    }
  });

  it.each(['district-coordinator', 'specialist', 'assessor', 'dvo'] as const)(
    'a district person (%s) is not known at a municipality instance: 401 on every route',
    async (role) => {
      const person = seed.people.find((p) => p.municipalityCode === null && p.roles.includes(role))!;
      const token = await h.tokenFor(person);
      const signal = await h.addSignal(OWN);
      for (const route of ['/api/signals', `/api/signals/${signal.id}`, '/api/signals/export.csv', '/api/insights', '/api/audit', '/api/disclosures']) {
        const res = await api(h.baseUrl, route, { token });
        expect(res.status, route).toBe(401);
      }
    },
  );

  it('answers an unknown id exactly like another municipality’s id', async () => {
    const signal = await h.addSignal(OWN);
    const outsider = await h.tokenFor(seededPerson(OTHER, 'mt-contact')!);
    const hidden = await api(h.baseUrl, `/api/signals/${signal.id}`, { token: outsider });
    const unknown = await api(h.baseUrl, '/api/signals/00000000-0000-4000-8000-000000000000', { token: outsider });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(unknown.body);
    const hiddenAction = await api(h.baseUrl, `/api/signals/${signal.id}/actions`, {
      method: 'POST',
      token: outsider,
      body: { type: 'note', text: 'x' },
      headers: { 'if-match': '"1"' },
    });
    expect(hiddenAction.status).toBe(404);
    expect(hiddenAction.body).toEqual(unknown.body);
  });

  it.each([
    ['mt-contact', 404],
    ['coordinator', 404],
    ['mt-deputy', 200],
    ['secretary', 200],
  ] as const)('a signal concerning the MT contact: %s gets %s', async (role, want) => {
    const signal = await h.addSignal(OWN, { concernsMtContact: true });
    const res = await api(h.baseUrl, `/api/signals/${signal.id}`, { token: await h.tokenFor(seededPerson(OWN, role)!) });
    expect(res.status).toBe(want);
    // Earlier cases of this file added many signals: follow every page, not only the first.
    const token = await h.tokenFor(seededPerson(OWN, role)!);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const list = await api(h.baseUrl, `/api/signals?pageSize=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      ids.push(...(list.body.items as { id: string }[]).map((item) => item.id));
      cursor = list.body.nextCursor as string | undefined;
    } while (cursor);
    expect(ids.includes(signal.id)).toBe(want === 200);
  });
});
