import type { RoundType } from './catalogue.js';
import type { PolicyCondition } from './policy-conditions.js';
import type { RoleId } from './roles.js';
import type { Signal } from './signal.js';

/** The vocabulary of the access policy (policy.ts): resources, grants and decisions. */
export interface MunicipalityResource {
  kind: 'municipality';
  municipalityCode: string;
}

export interface SignalResource extends Pick<Signal, 'municipalityCode' | 'confidentiality' | 'concernsMtContact'> {
  kind: 'signal';
  /** The reason the caller gave for reading a confidential reporter's identity; they log it. */
  statedReason?: string;
}

export interface DepartmentResource {
  kind: 'department';
  municipalityCode: string;
  department: string;
  headUpn?: string | null;
  deputyHeadUpn?: string | null;
}

export interface RoundResource {
  kind: 'round';
  roundType: RoundType;
  /** Open for submissions / recording. */
  open: boolean;
  /** The municipality whose results are meant; null for the round as a whole. */
  municipalityCode: string | null;
}

/** The Twente-wide outcome: an aggregate that names no municipality. */
export interface TwenteResource {
  kind: 'twente';
}

export type PolicyResource = MunicipalityResource | SignalResource | DepartmentResource | RoundResource | TwenteResource;
export type PolicyResourceKind = PolicyResource['kind'];
export type SignalField = keyof Signal;

/** Where a grant holds: in the actor's own municipalities, or anywhere in Twente. */
export type PolicyScope = 'own-municipality' | 'twente';

export interface PolicyGrant {
  /** Roles the grant is for; 'anyone' is every person (of the municipality, when scoped). */
  roles: readonly RoleId[] | 'anyone';
  scope: PolicyScope;
  /** All must hold. */
  conditions?: readonly PolicyCondition[];
  /** Signal fields the answer may hold. */
  fields?: readonly SignalField[];
  /** Only figures over groups, never single records. */
  aggregateOnly?: boolean;
}

export interface PolicyRule {
  resource: PolicyResourceKind;
  grants: readonly PolicyGrant[];
}

export type PolicyDenyReason =
  | 'other-municipality'
  | 'role'
  | 'concerns-mt-contact'
  | 'anonymous-reporter'
  | 'confidential-reporter'
  | 'reason-required'
  | 'other-department'
  | 'round-closed'
  | 'wrong-round';

export type PolicyDecision =
  | { allowed: true; visibleFields?: readonly SignalField[]; aggregateOnly?: true; auditReason?: string }
  | { allowed: false; reason: PolicyDenyReason; httpStatus: 403 | 404 };
