import type { DerivedStatusDto } from '../api/checklist-api.js';
import { requirement1aStatus, discussedWithinYear } from '../domain/agenda-cycle.js';
import { toLocalDate } from '../domain/calendar.js';
import type { AssessmentStatus, RequirementId } from '../domain/catalogue.js';
import { listAll, type OrganisationStore } from '../ports/organisation-store.js';
import { summariseRegistrations } from './agenda-nudges.js';
import { listDateToLocalDate } from './agenda-snapshot.js';

/**
 * The requirements the app can tell by itself (catalogue `derivedFrom`): 1a from the
 * agenda registrations, 1c from a configured MT contact, 2b from the signal channel being
 * live. Each comes with its source and the fact behind it, so a reader sees why.
 */
export type DerivedStatuses = Partial<Record<RequirementId, DerivedStatusDto>>;

export interface ChecklistDerivations {
  derive(municipalityCode: string): Promise<DerivedStatuses>;
}

export interface Requirement1aFacts {
  status: AssessmentStatus;
  activeDepartments: number;
  discussedWithinYear: number;
}

export interface DerivationSources {
  organisation: OrganisationStore;
  /** Requirement 1a as the agenda cycle derives it (the agenda service on the instance). */
  requirement1a(municipalityCode: string): Promise<Requirement1aFacts>;
  /** Whether the municipality's internal reporting channel (bot and web form) is served. */
  signalChannelLive(municipalityCode: string): Promise<boolean>;
}

export class StandardChecklistDerivations implements ChecklistDerivations {
  constructor(private readonly sources: DerivationSources) {}

  async derive(municipalityCode: string): Promise<DerivedStatuses> {
    const [agenda, mtContacts, live] = await Promise.all([
      this.sources.requirement1a(municipalityCode),
      listAll(this.sources.organisation, 'roleAssignments', { filter: { MunicipalityCode: municipalityCode, Role: 'mt-contact' } }),
      this.sources.signalChannelLive(municipalityCode),
    ]);
    return {
      '1a': {
        source: 'agenda-registrations',
        status: agenda.status,
        detailNl: `${agenda.discussedWithinYear} van ${agenda.activeDepartments} afdelingen besprak ondermijning in de afgelopen 12 maanden`,
        detailEn: `${agenda.discussedWithinYear} of ${agenda.activeDepartments} departments discussed subversive crime in the last 12 months`,
      },
      '1c': {
        source: 'mt-contact-configured',
        status: mtContacts.length > 0 ? 'voldaan' : 'niet-voldaan',
        detailNl: mtContacts.length > 0 ? 'Er is een MT-aanspreekpunt ingesteld' : 'Er is geen MT-aanspreekpunt ingesteld',
        detailEn: mtContacts.length > 0 ? 'An MT contact person is configured' : 'No MT contact person is configured',
      },
      '2b': {
        source: 'signal-channel-live',
        status: live ? 'voldaan' : 'niet-voldaan',
        detailNl: live ? 'De meldbot en het meldformulier zijn in gebruik' : 'De meldbot of het meldformulier is niet in gebruik',
        detailEn: live ? 'The signal bot and the reporting form are live' : 'The signal bot or the reporting form is not live',
      },
    };
  }
}

/**
 * Requirement 1a read straight from the lists (departments and agenda registrations), for
 * a client that has the lists but not the agenda service: the web part in SharePoint.
 */
export async function requirement1aFromLists(
  organisation: OrganisationStore,
  municipalityCode: string,
  now: Date,
  timeZone: string,
): Promise<Requirement1aFacts> {
  const filter = { filter: { MunicipalityCode: municipalityCode } };
  const [departments, registrations] = await Promise.all([
    listAll(organisation, 'departments', filter),
    listAll(organisation, 'agendaRegistrations', filter),
  ]);
  const summary = summariseRegistrations(
    registrations.map((item) => ({
      departmentId: item.fields.DepartmentId,
      kind: item.fields.Kind === 'gepland' ? ('gepland' as const) : ('besproken' as const),
      date: listDateToLocalDate(item.fields.Date, timeZone),
    })),
  );
  const facts = departments.map((item) => ({ active: item.fields.Active, lastDiscussedOn: summary.get(item.id)?.lastDiscussedOn ?? null }));
  const active = facts.filter((d) => d.active);
  const today = toLocalDate(now, timeZone);
  return {
    status: requirement1aStatus(facts, now, timeZone),
    activeDepartments: active.length,
    discussedWithinYear: active.filter((d) => discussedWithinYear(d.lastDiscussedOn, today)).length,
  };
}
