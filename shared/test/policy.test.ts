import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/organisation.js';
import {
  POLICY_ACTIONS,
  POLICY_RULES,
  decide,
  type PolicyAction,
  type PolicyDecision,
  type PolicyResource,
  type SignalResource,
} from '../src/domain/policy.js';
import { DISTRICT_ROLES, ROLE_IDS, type RoleId } from '../src/domain/roles.js';
import { CONFIDENTIALITY_MODES } from '../src/domain/signal.js';

const HENGELO = '0164';
const ENSCHEDE = '0153';
const isDistrict = (role: RoleId) => DISTRICT_ROLES.includes(role);

function actor(roles: RoleId[], overrides: Partial<Actor> = {}): Actor {
  const first = roles[0] ?? 'employee';
  const district = roles.every(isDistrict);
  return {
    objectId: `oid-${first}`,
    upn: `${first}@hengelo.example`,
    roles,
    municipalityCodes: district ? [] : [HENGELO],
    department: district ? null : 'Vergunningen',
    ...overrides,
  };
}

function signal(municipalityCode: string, overrides: Partial<SignalResource> = {}): SignalResource {
  return { kind: 'signal', municipalityCode, confidentiality: 'named', concernsMtContact: false, ...overrides };
}

/** The record each action is asked about in the matrix, in the given municipality. */
function baseline(action: PolicyAction, municipalityCode: string): PolicyResource {
  switch (POLICY_RULES[action].resource) {
    case 'signal':
      return signal(municipalityCode);
    case 'municipality':
      return { kind: 'municipality', municipalityCode };
    case 'department':
      return { kind: 'department', municipalityCode, department: 'Vergunningen' };
    case 'round':
      return { kind: 'round', municipalityCode, open: true, roundType: action === 'round.submit' ? 'zelfscan' : 'eindmeting' };
    case 'twente':
      return { kind: 'twente' };
  }
}

const ask = (who: Actor, action: PolicyAction, resource: PolicyResource): PolicyDecision =>
  (decide as (a: Actor, b: PolicyAction, c: PolicyResource) => PolicyDecision)(who, action, resource);

type Expected = 'allow' | 403 | 404;

// The matrix, written out by hand from the brief: who may, in their own municipality.
const OWN_MUNICIPALITY_GRANTS: Record<PolicyAction, readonly RoleId[] | 'every municipal role'> = {
  'signal.list': ['mt-contact', 'mt-deputy', 'coordinator', 'secretary'],
  'signal.read': ['mt-contact', 'mt-deputy', 'coordinator'],
  'signal.read-reporter': ['mt-contact', 'mt-deputy', 'coordinator'],
  'signal.act': ['mt-contact', 'mt-deputy', 'coordinator'],
  'signal.export': ['mt-contact', 'mt-deputy'],
  'signal.create': 'every municipal role',
  'insights.read': ['mt-contact', 'mt-deputy', 'coordinator', 'secretary'],
  'audit.read': ['mt-contact', 'privacy-officer'],
  'disclosures.read': ['privacy-officer', 'mt-contact'],
  'organisation.read': 'every municipal role',
  'organisation.manage': ['app-admin'],
  'checklist.read': ['mt-contact', 'app-admin', 'secretary', 'coordinator', 'mt-deputy'],
  'checklist.edit': ['mt-contact', 'app-admin'],
  'agenda.read': ['mt-contact', 'app-admin', 'department-head'],
  'agenda.record': ['mt-contact', 'app-admin', 'department-head'],
  'round.read-municipality': ['secretary', 'district-coordinator', 'specialist', 'assessor'],
  'round.submit': ['secretary'],
  'round.manage': ['district-coordinator', 'specialist'],
  'round.record-final': ['assessor'],
  'outcome.read': ['dvo', 'district-coordinator', 'specialist', 'secretary', 'mt-contact'],
  'learning.read-department': ['department-head', 'mt-contact'],
  'learning.read-municipality-bands': ['district-coordinator', 'specialist'],
};
/** Grants that hold anywhere in Twente, not only in the actor's own municipality. */
const TWENTE_WIDE: Partial<Record<PolicyAction, readonly RoleId[]>> = {
  'round.read-municipality': ['district-coordinator', 'specialist', 'assessor'],
  'round.manage': ['district-coordinator', 'specialist'],
  'round.record-final': ['assessor'],
  'outcome.read': ['dvo', 'district-coordinator', 'specialist', 'secretary', 'mt-contact'],
  'learning.read-municipality-bands': ['district-coordinator', 'specialist'],
};
const SIGNAL_READERS: readonly RoleId[] = ['mt-contact', 'mt-deputy', 'coordinator'];

function expected(action: PolicyAction, role: RoleId, own: boolean): Expected {
  const grants = OWN_MUNICIPALITY_GRANTS[action];
  const granted = grants === 'every municipal role' ? !isDistrict(role) : grants.includes(role);
  if (TWENTE_WIDE[action]?.includes(role)) return 'allow';
  if (action === 'outcome.read' || action === 'learning.read-municipality-bands') return 403;
  const kind = POLICY_RULES[action].resource;
  // A district actor may know rounds exist everywhere; a municipal actor only their own.
  const visible =
    kind === 'round'
      ? isDistrict(role) || own
      : kind === 'signal'
        ? own && SIGNAL_READERS.includes(role)
        : own && !isDistrict(role);
  if (!visible) return 404;
  return granted && own && !isDistrict(role) ? 'allow' : 403;
}

const MATRIX = POLICY_ACTIONS.flatMap((action) =>
  ROLE_IDS.flatMap((role) =>
    [true, false].map((own) => ({ action, role, own, where: own ? 'own' : 'other', expect: expected(action, role, own) })),
  ),
);

function outcomeOf(decision: PolicyDecision): Expected {
  return decision.allowed ? 'allow' : decision.httpStatus;
}

describe('access policy: every role × action × own/other municipality', () => {
  it('covers all actions of the brief', () => {
    expect(new Set(POLICY_ACTIONS)).toEqual(new Set(Object.keys(OWN_MUNICIPALITY_GRANTS)));
    expect(MATRIX).toHaveLength(POLICY_ACTIONS.length * ROLE_IDS.length * 2);
  });

  it.each(MATRIX)('$role → $action in $where municipality: $expect', ({ action, role, own, expect: want }) => {
    const resource = baseline(action, own ? HENGELO : ENSCHEDE);
    expect(outcomeOf(ask(actor([role]), action, resource))).toBe(want);
  });
});

describe('access policy: reporter identity', () => {
  const reason = 'Nodig om de melder te horen als getuige.';

  it.each(['mt-contact', 'mt-deputy', 'coordinator'] as const)('nobody identifies an anonymous reporter, not even %s with a reason', (role) => {
    const decision = ask(actor([role]), 'signal.read-reporter', signal(HENGELO, { confidentiality: 'anonymous', statedReason: reason }));
    expect(decision).toEqual({ allowed: false, reason: 'anonymous-reporter', httpStatus: 403 });
  });

  it.each(['mt-contact', 'mt-deputy'] as const)('%s reads a confidential identity only with a stated reason, which is handed back to log', (role) => {
    const confidential = signal(HENGELO, { confidentiality: 'confidential' });
    expect(ask(actor([role]), 'signal.read-reporter', confidential)).toEqual({ allowed: false, reason: 'reason-required', httpStatus: 403 });
    expect(ask(actor([role]), 'signal.read-reporter', { ...confidential, statedReason: '  kort  ' })).toMatchObject({ allowed: false, reason: 'reason-required' });
    expect(ask(actor([role]), 'signal.read-reporter', { ...confidential, statedReason: ` ${reason} ` })).toEqual({
      allowed: true,
      visibleFields: ['reporter', 'department'],
      auditReason: reason,
    });
  });

  it('the coordinator sees named reporters but never a confidential one', () => {
    const coordinator = actor(['coordinator']);
    expect(ask(coordinator, 'signal.read-reporter', signal(HENGELO))).toMatchObject({ allowed: true });
    expect(ask(coordinator, 'signal.read-reporter', signal(HENGELO, { confidentiality: 'confidential', statedReason: reason }))).toEqual({
      allowed: false,
      reason: 'confidential-reporter',
      httpStatus: 403,
    });
  });

  it('reading content shows no reporter fields', () => {
    const decision = ask(actor(['mt-contact']), 'signal.read', signal(HENGELO));
    expect(decision.allowed && decision.visibleFields).toEqual(expect.arrayContaining(['content', 'category', 'status']));
    expect(decision.allowed && decision.visibleFields).not.toEqual(expect.arrayContaining(['reporter']));
    expect(decision.allowed && decision.visibleFields).not.toEqual(expect.arrayContaining(['department']));
  });
});

describe('access policy: a signal about the MT contact', () => {
  const concerning = (overrides: Partial<SignalResource> = {}) => signal(HENGELO, { concernsMtContact: true, ...overrides });
  const signalActions = ['signal.read', 'signal.read-reporter', 'signal.act', 'signal.export'] as const;

  it.each(signalActions)('hides it from the MT contact and the coordinator (%s → 404)', (action) => {
    expect(ask(actor(['mt-contact']), action, concerning())).toEqual({ allowed: false, reason: 'concerns-mt-contact', httpStatus: 404 });
    expect(ask(actor(['mt-contact', 'secretary']), action, concerning())).toMatchObject({ allowed: false, httpStatus: 404 });
    expect(ask(actor(['coordinator']), action, concerning())).toMatchObject({ allowed: false, httpStatus: 404 });
  });

  it.each(signalActions)('lets the deputy and the secretary handle it (%s)', (action) => {
    expect(ask(actor(['mt-deputy']), action, concerning())).toMatchObject({ allowed: true });
    expect(ask(actor(['secretary']), action, concerning())).toMatchObject({ allowed: true });
  });

  it('a confidential reporter of such a signal is identified only by the deputy, with a reason', () => {
    const confidential = concerning({ confidentiality: 'confidential', statedReason: 'Voor het gesprek met de melder.' });
    expect(ask(actor(['mt-deputy']), 'signal.read-reporter', confidential)).toMatchObject({ allowed: true });
    expect(ask(actor(['secretary']), 'signal.read-reporter', confidential)).toMatchObject({ allowed: false, httpStatus: 403 });
  });

  it('the secretary does not see ordinary signals', () => {
    expect(ask(actor(['secretary']), 'signal.read', signal(HENGELO))).toEqual({ allowed: false, reason: 'role', httpStatus: 404 });
  });
});

describe('access policy: roles that never see signals', () => {
  const variants = CONFIDENTIALITY_MODES.flatMap((confidentiality) =>
    [false, true].map((concernsMtContact) => signal(HENGELO, { confidentiality, concernsMtContact, statedReason: 'Een uitgebreide reden.' })),
  );
  const roles = ['app-admin', 'privacy-officer', 'employee', 'department-head', ...DISTRICT_ROLES] as const;
  const actions = POLICY_ACTIONS.filter((action) => POLICY_RULES[action].resource === 'signal');

  it.each(roles)('%s gets not-found for every signal, whatever its kind', (role) => {
    for (const resource of variants) {
      for (const action of actions) expect(outcomeOf(ask(actor([role]), action, resource))).toBe(404);
    }
  });
});

describe('access policy: departments and learning', () => {
  const department = (overrides: Record<string, string | null> = {}) => ({
    kind: 'department' as const,
    municipalityCode: HENGELO,
    department: 'Burgerzaken',
    ...overrides,
  });

  it('a head sees and records only their own department', () => {
    const head = actor(['department-head']);
    expect(ask(head, 'agenda.read', department())).toEqual({ allowed: false, reason: 'other-department', httpStatus: 403 });
    expect(ask(head, 'agenda.record', department())).toMatchObject({ allowed: false, httpStatus: 403 });
    expect(ask(head, 'agenda.read', department({ department: 'Vergunningen' }))).toMatchObject({ allowed: true });
  });

  it('the head and deputy head named on the department list may record, without a directory role', () => {
    const listed = department({ headUpn: 'Hanna.Hoofd@hengelo.example', deputyHeadUpn: 'dirk@hengelo.example' });
    const hanna = actor(['employee'], { upn: 'hanna.hoofd@hengelo.example', department: 'Burgerzaken' });
    const dirk = actor(['employee'], { upn: 'dirk@hengelo.example' });
    expect(ask(hanna, 'agenda.record', listed)).toMatchObject({ allowed: true });
    expect(ask(dirk, 'agenda.record', listed)).toMatchObject({ allowed: true });
    expect(ask(dirk, 'agenda.read', listed)).toMatchObject({ allowed: true });
    expect(ask(dirk, 'learning.read-department', listed)).toMatchObject({ allowed: false, httpStatus: 403 });
    expect(ask(actor(['employee']), 'agenda.read', listed)).toMatchObject({ allowed: false, reason: 'other-department', httpStatus: 403 });
  });

  it('the MT contact sees learning per department only as aggregates', () => {
    expect(ask(actor(['mt-contact']), 'learning.read-department', department())).toEqual({ allowed: true, aggregateOnly: true });
    expect(ask(actor(['department-head']), 'learning.read-department', department({ department: 'Vergunningen' }))).toEqual({ allowed: true });
  });
});

describe('access policy: measurement rounds', () => {
  const round = (roundType: 'zelfscan' | 'eindmeting', open: boolean, municipalityCode: string | null = HENGELO) =>
    ({ kind: 'round', roundType, open, municipalityCode }) as const;

  it.each([
    ['assessor reads a closed final measurement', 'assessor', 'round.read-municipality', round('eindmeting', false), 'round-closed'],
    ['assessor reads a self-scan', 'assessor', 'round.read-municipality', round('zelfscan', true), 'wrong-round'],
    ['assessor records in a closed round', 'assessor', 'round.record-final', round('eindmeting', false), 'round-closed'],
    ['assessor records a self-scan', 'assessor', 'round.record-final', round('zelfscan', true), 'wrong-round'],
    ['secretary submits to a closed round', 'secretary', 'round.submit', round('zelfscan', false), 'round-closed'],
    ['secretary submits a final measurement', 'secretary', 'round.submit', round('eindmeting', true), 'wrong-round'],
  ] as const)('refuses when the %s (403)', (_case, role, action, resource, reason) => {
    expect(ask(actor([role]), action, resource)).toEqual({ allowed: false, reason, httpStatus: 403 });
  });

  it('the secretary reads their own results in any round, never another municipality\'s', () => {
    expect(ask(actor(['secretary']), 'round.read-municipality', round('zelfscan', false))).toMatchObject({ allowed: true });
    expect(ask(actor(['secretary']), 'round.read-municipality', round('zelfscan', false, ENSCHEDE))).toEqual({
      allowed: false,
      reason: 'other-municipality',
      httpStatus: 404,
    });
  });

  it('the district coordinator manages a round as a whole; others may know it exists', () => {
    expect(ask(actor(['district-coordinator']), 'round.manage', round('zelfscan', true, null))).toMatchObject({ allowed: true });
    expect(ask(actor(['secretary']), 'round.manage', round('zelfscan', true, null))).toMatchObject({ allowed: false, httpStatus: 403 });
  });

  it('the Twente-wide outcome is an aggregate', () => {
    expect(ask(actor(['dvo']), 'outcome.read', { kind: 'twente' })).toEqual({ allowed: true, aggregateOnly: true });
  });
});

describe('access policy: municipalities', () => {
  it('a privacy officer serving two municipalities reads the audit of both', () => {
    const shared = actor(['privacy-officer'], { municipalityCodes: ['1774', '0183'] });
    expect(ask(shared, 'audit.read', { kind: 'municipality', municipalityCode: '0183' })).toEqual({ allowed: true });
    expect(ask(shared, 'audit.read', { kind: 'municipality', municipalityCode: HENGELO })).toEqual({
      allowed: false,
      reason: 'other-municipality',
      httpStatus: 404,
    });
  });

  it('an employee reports only in their own municipality', () => {
    expect(ask(actor(['employee']), 'signal.create', { kind: 'municipality', municipalityCode: HENGELO })).toEqual({ allowed: true });
    expect(ask(actor(['employee']), 'signal.create', { kind: 'municipality', municipalityCode: ENSCHEDE })).toMatchObject({ httpStatus: 404 });
  });

  it('refuses to answer about the wrong kind of record', () => {
    expect(() => ask(actor(['mt-contact']), 'signal.read', { kind: 'municipality', municipalityCode: HENGELO })).toThrow(TypeError);
  });
});
