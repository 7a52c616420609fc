/**
 * Append-only audit trail: who did what to which record, when. Never content, never
 * the identity of an anonymous or confidential reporter.
 */
export interface AuditEvent {
  id: string;
  at: string;
  /** Object id of the acting staff member, or 'system', or 'reporter' for a reporter's own action. */
  actor: string;
  action: string;
  recordType: string;
  recordId: string;
  municipalityCode: string | null;
  /** Short, content-free detail (e.g. a stated reason for reading a confidential identity). */
  detail?: string;
}

export interface AuditQuery {
  municipalityCodes: readonly string[];
  recordId?: string;
  limit?: number;
  /** Events strictly older than this id's event (paging backwards). */
  before?: string;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  list(query: AuditQuery): Promise<AuditEvent[]>;
}
