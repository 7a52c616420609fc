import type { AgendaCycleState } from '../domain/agenda-cycle.js';
import type { AssessmentStatus } from '../domain/catalogue.js';
import type { AgendaRegistrationKind } from '../schemas/agenda-inputs.js';

/**
 * The contract between the agenda API (bot/src/http/agenda-routes.ts) and its clients (the
 * Afdelingsagenda web part through AadHttpClient, the local workbench through fetch).
 * Field names are a contract: extend, never rename. Dates are yyyy-mm-dd in the
 * municipality's time zone; instants are ISO-8601 UTC.
 */
export interface AgendaDepartmentDto {
  departmentId: string;
  name: string;
  municipalityCode: string;
  headUpn: string | null;
  headName: string | null;
  /** The last registered discussion; null when never discussed. */
  lastDiscussedOn: string | null;
  /** A planned meeting after the last discussion, when one is registered. */
  plannedOn: string | null;
  /** Last discussion (or the day the department was added) plus twelve months. */
  dueDate: string;
  state: AgendaCycleState;
  /** Nudges delivered in the current cycle (reminders and the escalation included). */
  nudgesSent: number;
  lastNudgeAt: string | null;
  /** Whether the caller may register a discussion for this department. */
  canRecord: boolean;
}

export interface AgendaOverviewDto {
  /** Today in the municipality's time zone, as the service sees it (the dev clock locally). */
  today: string;
  departments: AgendaDepartmentDto[];
}

export interface AgendaRegistrationRequest {
  kind: AgendaRegistrationKind;
  date: string;
  notes?: string;
  attendees?: number;
  /** Reuse on a retry: the same key records once. */
  idempotencyKey?: string;
}

export interface AgendaRegistrationDto {
  id: string;
  departmentId: string;
  kind: AgendaRegistrationKind;
  date: string;
  notes: string | null;
  attendees: number | null;
  source: 'kaart' | 'webonderdeel';
  recordedAt: string;
}

export interface AgendaRegistrationResultDto {
  /** False when the key was recorded before: nothing new was written. */
  created: boolean;
  registration: AgendaRegistrationDto | null;
  department: AgendaDepartmentDto;
}

/** Requirement 1a (every department discussed ondermijning within the last year), derived. */
export interface Requirement1aDto {
  requirementId: '1a';
  municipalityCode: string;
  status: AssessmentStatus;
  activeDepartments: number;
  discussedWithinYear: number;
  asOf: string;
}

export interface Requirement1aListDto {
  items: Requirement1aDto[];
}

/** What the web part's components use; the composition root picks AadHttpClient or fetch. */
export interface AgendaClient {
  overview(): Promise<AgendaOverviewDto>;
  register(departmentId: string, request: AgendaRegistrationRequest): Promise<AgendaRegistrationResultDto>;
  requirement1a(): Promise<Requirement1aListDto>;
}
