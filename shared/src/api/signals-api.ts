import type { CategoryId, Confidentiality, SignalContent, SignalStatus } from '../domain/signal.js';

/**
 * The contract between the signals API (bot/src/http) and its clients (the SPFx dashboard
 * through AadHttpClient, the local workbench through fetch). Field names are a contract:
 * extend, never rename. The server decides which fields a caller gets.
 */
export interface SignalSummaryDto {
  id: string;
  reference: string;
  municipalityCode: string;
  category: CategoryId;
  status: SignalStatus;
  confidentiality: Confidentiality;
  concernsMtContact: boolean;
  department: string | null;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  assignedTo: string | null;
  /** Last day (yyyy-mm-dd) the receipt may be acknowledged on time (7 days). */
  acknowledgeBy: string;
  /** Last day (yyyy-mm-dd) feedback is due (3 months after acknowledgement). */
  feedbackBy: string;
  overdue: { acknowledgement: boolean; feedback: boolean };
  /** Send back as If-Match on actions. */
  etag: string;
}

export type EnrichmentLink =
  | { type: 'bag'; id: string }
  | { type: 'kvk'; number: string }
  | { type: 'internal'; system: string; reference: string }
  | { type: 'external'; organisation: string; reference: string };

export type TimelineEntryKind =
  | 'status'
  | 'note'
  | 'message-to-reporter'
  | 'message-from-reporter'
  | 'enrichment'
  | 'forward'
  | 'assignment'
  | 'retention';

export interface TimelineEntryDto {
  id: string;
  at: string;
  kind: TimelineEntryKind;
  /** Display name of the staff member who acted; absent for the reporter and the system. */
  actorName?: string;
  text?: string;
  status?: SignalStatus;
  enrichment?: EnrichmentLink;
  forward?: { organisation: string; organisationName?: string; forwardedOn: string; legalBasis: string };
  /** Workflow step of a status entry (acknowledge, start, forward, resume, close, reopen). */
  action?: string;
  /** Outcome chosen when closing (status entry to `closed`). */
  outcome?: string;
  /** Assignment entries: to whom. */
  assigneeUpn?: string;
  assigneeName?: string;
  /** Retention entries: the new retention date (yyyy-mm-dd); `text` holds the reason. */
  retentionUntil?: string;
}

export interface SignalDetailDto extends SignalSummaryDto {
  content: SignalContent;
  /** Present only when the caller may see it (named; confidential with a stated reason). */
  reporter: { displayName: string; upn: string } | null;
  /** Why `reporter` is null: the mode hides it, or a reason must be given first. */
  reporterHidden: 'anonymous' | 'confidential' | 'not-allowed' | null;
  legalBasis: string;
  retentionUntil: string | null;
  timeline: TimelineEntryDto[];
  /** Action types this caller may take now (drives the buttons). */
  allowedActions: SignalActionType[];
  /** Photos and documents kept with the signal (download: GET /api/signals/{id}/attachments/{attachmentId}). */
  attachments?: SignalAttachmentDto[];
}

export interface SignalAttachmentDto {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface SignalListQuery {
  status?: SignalStatus;
  category?: CategoryId;
  /** ISO dates (inclusive) on receivedAt. */
  from?: string;
  to?: string;
  department?: string;
  overdue?: 'acknowledgement' | 'feedback';
  sort?: 'receivedAt' | '-receivedAt' | 'status' | 'category';
  pageSize?: number;
  cursor?: string;
}

export interface SignalListDto {
  items: SignalSummaryDto[];
  nextCursor?: string;
}

export interface InsightsDto {
  total: number;
  byCategory: Record<CategoryId, number>;
  byStatus: Record<SignalStatus, number>;
  byMonth: { month: string; count: number }[];
  medianHoursToAcknowledge: number | null;
  openLongerThan7Days: number;
  feedbackOverdue: number;
  /** Only departments with at least 5 signals; the rest are counted in `suppressedDepartments`. */
  byDepartment: { department: string; count: number }[];
  suppressedDepartments: number;
}

export type SignalActionType =
  | 'acknowledge'
  | 'assign'
  | 'transition'
  | 'note'
  | 'enrich'
  | 'message'
  | 'forward'
  | 'close'
  | 'extend-retention'
  | 'reveal-reporter';

export type SignalActionRequest =
  | { type: 'acknowledge' }
  | { type: 'assign'; assigneeUpn: string }
  | { type: 'transition'; action: string }
  | { type: 'note'; text: string }
  | { type: 'enrich'; link: EnrichmentLink }
  | { type: 'message'; text: string }
  | { type: 'forward'; organisation: string; organisationName?: string; forwardedOn: string; legalBasis: string }
  | { type: 'close'; outcome: string }
  | { type: 'extend-retention'; until: string; reason: string }
  | { type: 'reveal-reporter'; reason: string };

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface CurrentUserDto {
  displayName: string;
  roles: string[];
  municipalityCode: string | null;
  department: string | null;
  locale: string;
}

/** One audit event (GET /api/audit): who did what to which record, when; never content. */
export interface AuditEventDto {
  id: string;
  at: string;
  /** Object id of the staff member, or 'system' / 'reporter'. */
  actor: string;
  /** Display name of the staff member when the directory knows them. */
  actorName?: string;
  action: string;
  recordType: string;
  recordId: string;
  municipalityCode: string | null;
  /** Short, content-free detail, e.g. the stated reason for reading a confidential identity. */
  detail?: string;
}

export interface AuditListDto {
  items: AuditEventDto[];
  /** Pass as `before` to read older events. */
  nextBefore?: string;
}

/** One hand-over in the disclosure register (GET /api/disclosures); no content. */
export interface DisclosureDto {
  id: string;
  signalId: string;
  reference: string;
  municipalityCode: string;
  organisation: string;
  organisationName: string | null;
  forwardedOn: string;
  legalBasis: string;
  recordedAt: string;
  recordedByName?: string;
}

export interface DisclosureListDto {
  items: DisclosureDto[];
  nextCursor?: string;
}

/** What the dashboard needs; an AadHttpClient implementation in SharePoint, fetch locally. */
export interface SignalsClient {
  me(): Promise<CurrentUserDto>;
  list(query: SignalListQuery): Promise<SignalListDto>;
  get(id: string): Promise<SignalDetailDto>;
  act(id: string, etag: string, action: SignalActionRequest): Promise<SignalDetailDto>;
  insights(query: Pick<SignalListQuery, 'from' | 'to'>): Promise<InsightsDto>;
  exportCsv(query: SignalListQuery): Promise<string>;
}
