import type { Actor } from './organisation.js';
import type { PolicyDenyReason, PolicyResource } from './policy-types.js';

/**
 * The named conditions the policy table uses, each with the refusal it explains. Kept
 * apart from the table so policy.ts reads as a matrix.
 */

/** A stated reason must say something: a short sentence, not "x". */
export const IDENTITY_REASON_MIN_LENGTH = 10;

interface ConditionDefinition {
  /** What the condition means, for the generated documentation. */
  description: string;
  holds(actor: Actor, resource: PolicyResource): boolean;
  denyReason: PolicyDenyReason;
}

function sameUpn(a: string | null | undefined, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}

export const POLICY_CONDITIONS = {
  'not-concerning-mt-contact': {
    description: 'the signal does not concern the MT contact',
    holds: (_actor, resource) => resource.kind === 'signal' && !resource.concernsMtContact,
    denyReason: 'concerns-mt-contact',
  },
  'concerning-mt-contact': {
    description: 'the signal concerns the MT contact',
    holds: (_actor, resource) => resource.kind === 'signal' && resource.concernsMtContact,
    denyReason: 'role',
  },
  'actor-not-mt-contact': {
    description: 'the actor does not hold the mt-contact role (whatever else they hold)',
    holds: (actor) => !actor.roles.includes('mt-contact'),
    denyReason: 'concerns-mt-contact',
  },
  'reporter-not-anonymous': {
    description: 'the reporter is not anonymous (an anonymous reporter is never identified)',
    holds: (_actor, resource) => resource.kind === 'signal' && resource.confidentiality !== 'anonymous',
    denyReason: 'anonymous-reporter',
  },
  'reporter-named': {
    description: 'the reporter chose to report under their name',
    holds: (_actor, resource) => resource.kind === 'signal' && resource.confidentiality === 'named',
    denyReason: 'confidential-reporter',
  },
  'reporter-confidential': {
    description: 'the reporter asked for their identity to be kept confidential',
    holds: (_actor, resource) => resource.kind === 'signal' && resource.confidentiality === 'confidential',
    denyReason: 'role',
  },
  'reason-stated': {
    description: `the actor states why (at least ${IDENTITY_REASON_MIN_LENGTH} characters); the caller logs it`,
    holds: (_actor, resource) =>
      resource.kind === 'signal' && (resource.statedReason?.trim().length ?? 0) >= IDENTITY_REASON_MIN_LENGTH,
    denyReason: 'reason-required',
  },
  'heads-department': {
    description: 'the actor heads this department',
    holds: (actor, resource) =>
      resource.kind === 'department' &&
      (sameUpn(resource.headUpn, actor.upn) ||
        (actor.roles.includes('department-head') && actor.department === resource.department)),
    denyReason: 'other-department',
  },
  'deputy-heads-department': {
    description: 'the actor is the deputy head of this department',
    holds: (actor, resource) => resource.kind === 'department' && sameUpn(resource.deputyHeadUpn, actor.upn),
    denyReason: 'other-department',
  },
  'round-open': {
    description: 'the round is open',
    holds: (_actor, resource) => resource.kind === 'round' && resource.open,
    denyReason: 'round-closed',
  },
  'self-scan-round': {
    description: 'the round is the January self-scan (zelfscan)',
    holds: (_actor, resource) => resource.kind === 'round' && resource.roundType === 'zelfscan',
    denyReason: 'wrong-round',
  },
  'final-measurement-round': {
    description: 'the round is the July final measurement (eindmeting)',
    holds: (_actor, resource) => resource.kind === 'round' && resource.roundType === 'eindmeting',
    denyReason: 'wrong-round',
  },
} as const satisfies Record<string, ConditionDefinition>;

export type PolicyCondition = keyof typeof POLICY_CONDITIONS;
