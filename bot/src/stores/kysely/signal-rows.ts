import type { Insertable, Selectable } from 'kysely';
import {
  CATEGORY_IDS,
  CONFIDENTIALITY_MODES,
  SIGNAL_STATUSES,
  type KeyStore,
  type ReporterIdentity,
  type Signal,
  type SignalContent,
  type SignalTombstone,
} from '@weerbaar/shared';
import { toBuffer, type SignalTombstonesTable, type SignalsTable } from './database.js';
import { signalKeyId } from './wrapped-key-table.js';

/** Seals what the reporter told and who they are under the signal's own data key. */
export async function sealedSignalRow(signal: Signal, keys: KeyStore): Promise<Insertable<SignalsTable>> {
  const keyId = signalKeyId(signal.id);
  const sealedContent = await keys.seal(keyId, JSON.stringify(signal.content));
  const sealedReporter = signal.reporter ? await keys.seal(keyId, JSON.stringify(signal.reporter)) : null;
  return {
    id: signal.id,
    reference: signal.reference,
    municipality_code: signal.municipalityCode,
    category: signal.category,
    confidentiality: signal.confidentiality,
    status: signal.status,
    concerns_mt_contact: signal.concernsMtContact ? 1 : 0,
    department: signal.department,
    received_at: signal.receivedAt,
    acknowledged_at: signal.acknowledgedAt,
    closed_at: signal.closedAt,
    outcome: signal.outcome,
    assigned_to: signal.assignedTo,
    legal_basis: signal.legalBasis,
    retention_until: signal.retentionUntil,
    version: signal.version,
    sealed_content: toBuffer(sealedContent),
    sealed_reporter: sealedReporter ? toBuffer(sealedReporter) : null,
  };
}

export async function signalFromRow(row: Selectable<SignalsTable>, keys: KeyStore): Promise<Signal> {
  const keyId = signalKeyId(row.id);
  const content = JSON.parse(await keys.open(keyId, row.sealed_content)) as SignalContent;
  const reporter = row.sealed_reporter
    ? (JSON.parse(await keys.open(keyId, row.sealed_reporter)) as ReporterIdentity)
    : null;
  return {
    id: row.id,
    reference: row.reference,
    municipalityCode: row.municipality_code,
    category: oneOf(CATEGORY_IDS, row.category, 'category'),
    confidentiality: oneOf(CONFIDENTIALITY_MODES, row.confidentiality, 'confidentiality'),
    status: oneOf(SIGNAL_STATUSES, row.status, 'status'),
    concernsMtContact: row.concerns_mt_contact === 1,
    department: row.department,
    receivedAt: row.received_at,
    acknowledgedAt: row.acknowledged_at,
    closedAt: row.closed_at,
    outcome: row.outcome,
    assignedTo: row.assigned_to,
    legalBasis: row.legal_basis,
    retentionUntil: row.retention_until,
    content,
    reporter,
    version: row.version,
  };
}

export function tombstoneFromRow(row: Selectable<SignalTombstonesTable>): SignalTombstone {
  return {
    id: row.id,
    reference: row.reference,
    municipalityCode: row.municipality_code,
    category: oneOf(CATEGORY_IDS, row.category, 'category'),
    receivedAt: row.received_at,
    acknowledgedAt: row.acknowledged_at,
    closedAt: row.closed_at,
    outcome: row.outcome,
    deletedAt: row.deleted_at,
  };
}

/** Guards against rows written by another schema lineage rather than trusting a cast. */
function oneOf<const T extends readonly string[]>(allowed: T, value: string, column: string): T[number] {
  if (!allowed.includes(value)) throw new Error(`Stored signal has an unknown ${column} value`);
  return value;
}
