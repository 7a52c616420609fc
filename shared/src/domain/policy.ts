import type { Actor } from './organisation.js';
import { POLICY_CONDITIONS } from './policy-conditions.js';
import type {
  PolicyDecision,
  PolicyDenyReason,
  PolicyGrant,
  PolicyResource,
  PolicyRule,
  SignalField,
} from './policy-types.js';
import { DISTRICT_ROLES } from './roles.js';
import { CONCERNING_MT_CONTACT_HANDLER_ROLES, SIGNAL_HANDLER_ROLES } from './signal-workflow.js';

export { POLICY_CONDITIONS, IDENTITY_REASON_MIN_LENGTH, type PolicyCondition } from './policy-conditions.js';
export type * from './policy-types.js';

/**
 * The access policy: one pure answer to "may this person do this to this record".
 * Two walls: a record the actor may not know exists (another municipality's, or a
 * signal outside their need-to-know) is denied as not-found (404), so existence does
 * not leak; a record they may see but an action they may not take is forbidden (403).
 */
export const SIGNAL_SUMMARY_FIELDS = [
  'id', 'reference', 'municipalityCode', 'category', 'confidentiality', 'status', 'concernsMtContact',
  'receivedAt', 'acknowledgedAt', 'closedAt', 'outcome', 'assignedTo', 'version',
] as const satisfies readonly SignalField[];
/** Content but not who reported: the reporter's department can identify them in a small team. */
export const SIGNAL_CONTENT_FIELDS = [
  ...SIGNAL_SUMMARY_FIELDS, 'content', 'legalBasis', 'retentionUntil',
] as const satisfies readonly SignalField[];
export const SIGNAL_REPORTER_FIELDS = ['reporter', 'department'] as const satisfies readonly SignalField[];

const HANDLERS = SIGNAL_HANDLER_ROLES;
const IMPARTIAL = CONCERNING_MT_CONTACT_HANDLER_ROLES;
const ORDINARY = ['not-concerning-mt-contact'] as const;
const CONCERNING = ['concerning-mt-contact', 'actor-not-mt-contact'] as const;

/** The matrix. Read it as: for this action, these roles, in this scope, when these conditions hold. */
export const POLICY_RULES = {
  // Opening the list; every row still passes signal.read (which drops what the actor may not see).
  'signal.list': {
    resource: 'municipality',
    grants: [{ roles: [...HANDLERS, 'secretary'], scope: 'own-municipality', fields: SIGNAL_SUMMARY_FIELDS }],
  },
  'signal.read': {
    resource: 'signal',
    grants: [
      { roles: HANDLERS, scope: 'own-municipality', conditions: ORDINARY, fields: SIGNAL_CONTENT_FIELDS },
      { roles: IMPARTIAL, scope: 'own-municipality', conditions: CONCERNING, fields: SIGNAL_CONTENT_FIELDS },
    ],
  },
  // Named: the handlers. Confidential: only the accountable MT members, with a stated reason.
  // Anonymous: nobody, ever (the conditions start with reporter-not-anonymous for that answer).
  'signal.read-reporter': {
    resource: 'signal',
    grants: [
      {
        roles: HANDLERS,
        scope: 'own-municipality',
        conditions: ['reporter-not-anonymous', 'reporter-named', ...ORDINARY],
        fields: SIGNAL_REPORTER_FIELDS,
      },
      {
        roles: IMPARTIAL,
        scope: 'own-municipality',
        conditions: ['reporter-not-anonymous', 'reporter-named', ...CONCERNING],
        fields: SIGNAL_REPORTER_FIELDS,
      },
      {
        roles: ['mt-contact', 'mt-deputy'],
        scope: 'own-municipality',
        conditions: ['reporter-not-anonymous', 'reporter-confidential', ...ORDINARY, 'reason-stated'],
        fields: SIGNAL_REPORTER_FIELDS,
      },
      {
        roles: ['mt-deputy'],
        scope: 'own-municipality',
        conditions: ['reporter-not-anonymous', 'reporter-confidential', ...CONCERNING, 'reason-stated'],
        fields: SIGNAL_REPORTER_FIELDS,
      },
    ],
  },
  'signal.act': {
    resource: 'signal',
    grants: [
      { roles: HANDLERS, scope: 'own-municipality', conditions: ORDINARY },
      { roles: IMPARTIAL, scope: 'own-municipality', conditions: CONCERNING },
    ],
  },
  // An export copies criminal-offence data out of the system: only the accountable MT members.
  'signal.export': {
    resource: 'signal',
    grants: [
      {
        roles: ['mt-contact', 'mt-deputy'],
        scope: 'own-municipality',
        conditions: ORDINARY,
        fields: SIGNAL_CONTENT_FIELDS,
      },
      { roles: IMPARTIAL, scope: 'own-municipality', conditions: CONCERNING, fields: SIGNAL_CONTENT_FIELDS },
    ],
  },
  'signal.create': { resource: 'municipality', grants: [{ roles: 'anyone', scope: 'own-municipality' }] },
  'insights.read': {
    resource: 'municipality',
    grants: [{ roles: [...HANDLERS, 'secretary'], scope: 'own-municipality', aggregateOnly: true }],
  },
  'audit.read': {
    resource: 'municipality',
    grants: [{ roles: ['mt-contact', 'privacy-officer'], scope: 'own-municipality' }],
  },
  'disclosures.read': {
    resource: 'municipality',
    grants: [{ roles: ['privacy-officer', 'mt-contact'], scope: 'own-municipality' }],
  },
  'organisation.read': { resource: 'municipality', grants: [{ roles: 'anyone', scope: 'own-municipality' }] },
  'organisation.manage': { resource: 'municipality', grants: [{ roles: ['app-admin'], scope: 'own-municipality' }] },
  'checklist.read': {
    resource: 'municipality',
    grants: [{ roles: ['mt-contact', 'mt-deputy', 'coordinator', 'secretary', 'app-admin'], scope: 'own-municipality' }],
  },
  'checklist.edit': {
    resource: 'municipality',
    grants: [{ roles: ['mt-contact', 'app-admin'], scope: 'own-municipality' }],
  },
  'agenda.read': {
    resource: 'department',
    grants: [
      { roles: ['mt-contact', 'app-admin'], scope: 'own-municipality' },
      { roles: 'anyone', scope: 'own-municipality', conditions: ['heads-department'] },
      { roles: 'anyone', scope: 'own-municipality', conditions: ['deputy-heads-department'] },
    ],
  },
  'agenda.record': {
    resource: 'department',
    grants: [
      { roles: ['mt-contact', 'app-admin'], scope: 'own-municipality' },
      { roles: 'anyone', scope: 'own-municipality', conditions: ['heads-department'] },
      { roles: 'anyone', scope: 'own-municipality', conditions: ['deputy-heads-department'] },
    ],
  },
  'round.read-municipality': {
    resource: 'round',
    grants: [
      { roles: ['secretary'], scope: 'own-municipality' },
      { roles: ['district-coordinator', 'specialist'], scope: 'twente' },
      { roles: ['assessor'], scope: 'twente', conditions: ['final-measurement-round', 'round-open'] },
    ],
  },
  'round.submit': {
    resource: 'round',
    grants: [{ roles: ['secretary'], scope: 'own-municipality', conditions: ['self-scan-round', 'round-open'] }],
  },
  'round.manage': { resource: 'round', grants: [{ roles: ['district-coordinator', 'specialist'], scope: 'twente' }] },
  'round.record-final': {
    resource: 'round',
    grants: [{ roles: ['assessor'], scope: 'twente', conditions: ['final-measurement-round', 'round-open'] }],
  },
  'outcome.read': {
    resource: 'twente',
    grants: [
      {
        roles: ['dvo', 'district-coordinator', 'specialist', 'secretary', 'mt-contact'],
        scope: 'twente',
        aggregateOnly: true,
      },
    ],
  },
  // The learning band per municipality at the hub: the roles that see each municipality's rounds.
  'learning.read-municipality-bands': {
    resource: 'twente',
    grants: [{ roles: ['district-coordinator', 'specialist'], scope: 'twente' }],
  },
  'learning.read-department': {
    resource: 'department',
    grants: [
      { roles: 'anyone', scope: 'own-municipality', conditions: ['heads-department'] },
      { roles: ['mt-contact'], scope: 'own-municipality', aggregateOnly: true },
    ],
  },
} as const satisfies Record<string, PolicyRule>;

export type PolicyAction = keyof typeof POLICY_RULES;
export const POLICY_ACTIONS = Object.keys(POLICY_RULES) as PolicyAction[];
export type PolicyResourceFor<A extends PolicyAction> = Extract<
  PolicyResource,
  { kind: (typeof POLICY_RULES)[A]['resource'] }
>;

function inMunicipality(actor: Actor, resource: PolicyResource): boolean {
  const code = 'municipalityCode' in resource ? resource.municipalityCode : null;
  return code !== null && actor.municipalityCodes.includes(code);
}

function holdsRole(actor: Actor, roles: PolicyGrant['roles']): boolean {
  return roles === 'anyone' || actor.roles.some((role) => roles.includes(role));
}

type Evaluation = { allowed: true; grant: PolicyGrant } | { allowed: false; reason: PolicyDenyReason };

/** Evaluates the grants; on refusal, explains by the grant that came closest to holding. */
function evaluate(actor: Actor, rule: PolicyRule, resource: PolicyResource): Evaluation {
  let closest: { reason: PolicyDenyReason; passed: number } = { reason: 'role', passed: -1 };
  for (const grant of rule.grants) {
    if (!holdsRole(actor, grant.roles)) continue;
    if (grant.scope === 'own-municipality' && !inMunicipality(actor, resource)) {
      if (closest.passed < 0) closest = { reason: 'other-municipality', passed: 0 };
      continue;
    }
    const conditions = grant.conditions ?? [];
    const failing = conditions.findIndex((condition) => !POLICY_CONDITIONS[condition].holds(actor, resource));
    if (failing === -1) return { allowed: true, grant };
    const failed = conditions[failing];
    if (failed && failing + 1 > closest.passed) {
      closest = { reason: POLICY_CONDITIONS[failed].denyReason, passed: failing + 1 };
    }
  }
  return { allowed: false, reason: closest.reason };
}

type Visibility = { visible: true } | { visible: false; reason: PolicyDenyReason };

/** May the actor know the record exists? If not, every refusal is a 404. */
function visibility(actor: Actor, resource: PolicyResource): Visibility {
  switch (resource.kind) {
    case 'signal': {
      const read = evaluate(actor, POLICY_RULES['signal.read'], resource);
      return read.allowed ? { visible: true } : { visible: false, reason: read.reason };
    }
    case 'round':
      if (resource.municipalityCode === null || inMunicipality(actor, resource)) return { visible: true };
      return actor.roles.some((role) => DISTRICT_ROLES.includes(role))
        ? { visible: true }
        : { visible: false, reason: 'other-municipality' };
    case 'twente':
      return { visible: true };
    case 'municipality':
    case 'department':
      return inMunicipality(actor, resource) ? { visible: true } : { visible: false, reason: 'other-municipality' };
  }
}

export function decide<A extends PolicyAction>(actor: Actor, action: A, target: PolicyResourceFor<A>): PolicyDecision {
  const rule: PolicyRule = POLICY_RULES[action];
  const resource: PolicyResource = target;
  if (resource.kind !== rule.resource) {
    throw new TypeError(`Policy action "${action}" is asked about a ${rule.resource}, not a ${resource.kind}.`);
  }
  const seen = visibility(actor, resource);
  if (!seen.visible) return { allowed: false, reason: seen.reason, httpStatus: 404 };
  const result = evaluate(actor, rule, resource);
  if (!result.allowed) return { allowed: false, reason: result.reason, httpStatus: 403 };

  const { grant } = result;
  const decision: PolicyDecision = { allowed: true };
  if (grant.fields) decision.visibleFields = grant.fields;
  if (grant.aggregateOnly) decision.aggregateOnly = true;
  if (grant.conditions?.includes('reason-stated') && resource.kind === 'signal' && resource.statedReason) {
    decision.auditReason = resource.statedReason.trim();
  }
  return decision;
}

