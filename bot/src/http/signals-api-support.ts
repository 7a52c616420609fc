import type { Request } from 'express';
import {
  decide,
  signalResourceOf,
  type Actor,
  type Clock,
  type Directory,
  type IdGenerator,
  type ReporterChannel,
  type RetentionTerms,
  type ServiceStore,
  type Signal,
} from '@weerbaar/shared';

/** What the signals API (signals, export, insights, audit, disclosures) needs of the instance. */
export interface SignalsApiDeps {
  store: Pick<ServiceStore, 'signals' | 'timeline' | 'audit' | 'attachments'>;
  directory: Directory;
  clock: Clock;
  ids: IdGenerator;
  reporterChannel: ReporterChannel;
  retention: RetentionTerms;
  servedMunicipalities: readonly string[];
}

/** Ids are opaque strings; anything longer than this is not one of ours. */
const MAX_ID_LENGTH = 100;

/**
 * A signal of a municipality this instance serves, or undefined. A signal of another
 * municipality (which only a shared database could hold) is as unknown as a missing one.
 */
export async function servedSignal(deps: SignalsApiDeps, id: string): Promise<Signal | undefined> {
  if (id.length === 0 || id.length > MAX_ID_LENGTH) return undefined;
  const signal = await deps.store.signals.get(id);
  return signal && deps.servedMunicipalities.includes(signal.municipalityCode) ? signal : undefined;
}

/**
 * One audit event for a read or a change: who, what, which record, when. Never content:
 * `detail` is a count, a kind or a stated reason.
 */
export async function audit(
  deps: SignalsApiDeps,
  actor: Actor,
  event: { action: string; recordType: string; recordId: string; municipalityCode: string | null; detail?: string },
): Promise<void> {
  await deps.store.audit.record({
    id: deps.ids.newId(),
    at: deps.clock.now().toISOString(),
    actor: actor.objectId,
    action: event.action,
    recordType: event.recordType,
    recordId: event.recordId,
    municipalityCode: event.municipalityCode,
    ...(event.detail !== undefined ? { detail: event.detail } : {}),
  });
}

/** Audits a municipality-wide read once per municipality it covered. */
export async function auditMunicipalityRead(
  deps: SignalsApiDeps,
  actor: Actor,
  action: string,
  codes: readonly string[],
  detail?: string,
): Promise<void> {
  for (const code of codes) {
    await audit(deps, actor, { action, recordType: 'municipality', recordId: code, municipalityCode: code, ...(detail !== undefined ? { detail } : {}) });
  }
}

/**
 * Display names of staff, keyed by object id and by lower-case UPN (the view looks up
 * both). Unknown keys (the reporter, 'system', a person who left) are simply absent.
 */
export async function displayNames(
  directory: Directory,
  keys: { objectIds?: Iterable<string>; upns?: Iterable<string> },
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const objectId of new Set(keys.objectIds ?? [])) {
    const person = await directory.findByObjectId(objectId);
    if (person) names.set(objectId, person.displayName);
  }
  for (const upn of new Set([...(keys.upns ?? [])].map((value) => value.toLowerCase()))) {
    const person = await directory.findByUpn(upn);
    if (person) names.set(upn, person.displayName);
  }
  return names;
}

/**
 * Of these signal ids, the ones the actor may not know exist because the signal concerns
 * the MT contact (the impartiality wall). The audit trail and the disclosure register
 * leave their entries out for such an actor, so they cannot learn of a signal about
 * themself by its traces. Other refusals (a role that reads no content at all, such as
 * the privacy officer) do not hide traces: reading traces is their task.
 */
export async function signalsBehindImpartialityWall(deps: SignalsApiDeps, actor: Actor, ids: Iterable<string>): Promise<Set<string>> {
  const hidden = new Set<string>();
  for (const id of new Set(ids)) {
    const signal = await servedSignal(deps, id);
    if (!signal) continue;
    const decision = decide(actor, 'signal.read', signalResourceOf(signal));
    if (!decision.allowed && decision.reason === 'concerns-mt-contact') hidden.add(id);
  }
  return hidden;
}

export function routeParam(req: Request, name: string): string {
  const value: unknown = req.params[name];
  return typeof value === 'string' ? value : '';
}
