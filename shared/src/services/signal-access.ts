import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Actor } from '../domain/organisation.js';
import { decide, type PolicyAction } from '../domain/policy.js';
import type { SignalResource } from '../domain/policy-types.js';
import type { Signal } from '../domain/signal.js';

/**
 * Turns the access policy into query scopes, so a list asks the store only for rows the
 * caller may see (paging stays right) instead of fetching and dropping. The scopes are
 * found by asking `decide` about representative signals, never by naming roles here;
 * every row is still passed through `decide` afterwards as a second wall.
 */
export type MunicipalityAction = Extract<
  PolicyAction,
  'signal.list' | 'insights.read' | 'audit.read' | 'disclosures.read'
>;

export function signalResourceOf(
  signal: Pick<Signal, 'municipalityCode' | 'confidentiality' | 'concernsMtContact'>,
  statedReason?: string,
): SignalResource {
  return {
    kind: 'signal',
    municipalityCode: signal.municipalityCode,
    confidentiality: signal.confidentiality,
    concernsMtContact: signal.concernsMtContact,
    ...(statedReason !== undefined ? { statedReason } : {}),
  };
}

/**
 * The municipalities of this instance the actor may take a municipality-wide action in.
 * None: 403 when the actor belongs here but their role may not (the route exists for
 * them), 404 when they act for none of these municipalities.
 */
export function municipalitiesFor(actor: Actor, action: MunicipalityAction, served: readonly string[]): string[] {
  const candidates = actor.municipalityCodes.filter((code) => served.includes(code));
  const allowed = candidates.filter(
    (code) => decide(actor, action, { kind: 'municipality', municipalityCode: code }).allowed,
  );
  if (allowed.length > 0) return allowed;
  if (candidates.length === 0) throw new NotFoundError('no municipality of this instance');
  throw new ForbiddenError(`role may not ${action}`);
}

function mayOnProbe(actor: Actor, action: 'signal.read' | 'signal.export', code: string, concernsMtContact: boolean): boolean {
  // Reading and exporting do not depend on the reporter's choice; any mode gives the same answer.
  const probe = signalResourceOf({ municipalityCode: code, confidentiality: 'anonymous', concernsMtContact });
  return decide(actor, action, probe).allowed;
}

export interface SignalScope {
  municipalityCodes: string[];
  /** Set when only signals that do (true) or do not (false) concern the MT contact are in scope. */
  concernsMtContact?: boolean;
}

/** Which signals of `codes` the actor may read (list) or export; null when none. */
export function signalScope(actor: Actor, action: 'signal.read' | 'signal.export', codes: readonly string[]): SignalScope | null {
  const ordinary = codes.filter((code) => mayOnProbe(actor, action, code, false));
  const concerning = codes.filter((code) => mayOnProbe(actor, action, code, true));
  const union = [...new Set([...ordinary, ...concerning])];
  if (union.length === 0) return null;
  if (concerning.length === 0) return { municipalityCodes: ordinary, concernsMtContact: false };
  if (ordinary.length === 0) return { municipalityCodes: concerning, concernsMtContact: true };
  // Mixed answers per municipality: ask for all and let the per-row check decide.
  return { municipalityCodes: union };
}

/**
 * The insights count every signal of the municipality, except that a signal concerning
 * the MT contact is only counted for those who may read such signals: otherwise the
 * totals would tell the MT contact (or the coordinator) that one exists.
 */
export function insightsIncludeConcerning(actor: Actor, codes: readonly string[]): boolean {
  return codes.length > 0 && codes.every((code) => mayOnProbe(actor, 'signal.read', code, true));
}
