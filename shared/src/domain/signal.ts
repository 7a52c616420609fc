/**
 * The signal (signaal van ondermijning) as the domain sees it. Ids below are contracts
 * (the card's submit fields, the API and acceptance checks rely on them).
 */
export const CATEGORY_IDS = [
  'drugs',
  'witwassen',
  'mensenhandel',
  'zorgfraude',
  'vastgoed',
  'bedrijvigheid',
  'intimidatie',
  'overig',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const CONFIDENTIALITY_MODES = ['named', 'confidential', 'anonymous'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_MODES)[number];

export const SIGNAL_STATUSES = ['received', 'acknowledged', 'in-progress', 'forwarded', 'closed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** What the reporter told; criminal-offence data (GDPR art. 10): always stored encrypted. */
export interface SignalContent {
  description: string;
  location: string;
  /** A single date (yyyy-mm-dd) or a free-text period ("sinds maart"). */
  occurredOn?: string;
  period?: string;
  involved?: string;
  noticedHow?: string;
}

/** Who reported; stored encrypted, and not at all for anonymous signals. */
export interface ReporterIdentity {
  objectId: string;
  upn: string;
  displayName: string;
}

/** The signal record. Content and reporter are plaintext here; adapters seal them at rest. */
export interface Signal {
  id: string;
  /** Human reference shown to reporter and MT contact, e.g. "HGL-2026-0042". */
  reference: string;
  municipalityCode: string;
  category: CategoryId;
  confidentiality: Confidentiality;
  status: SignalStatus;
  concernsMtContact: boolean;
  /** Reporter's department when known (named/confidential only); used for suppressed insights. */
  department: string | null;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  assignedTo: string | null;
  legalBasis: string;
  /** ISO date after which the retention job deletes the signal (null while open). */
  retentionUntil: string | null;
  content: SignalContent;
  reporter: ReporterIdentity | null;
  /** Optimistic concurrency: bumps on every change; exposed as the ETag. */
  version: number;
}
