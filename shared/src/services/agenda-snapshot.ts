import type { AbsencePeriod } from '../domain/agenda-cycle.js';
import { isLocalDate, toLocalDate, type LocalDate } from '../domain/calendar.js';
import { languageOf, type Municipality, type Person } from '../domain/organisation.js';
import { listAll, type ItemOf, type OrganisationStore } from '../ports/organisation-store.js';
import type { Directory } from '../ports/runtime.js';
import {
  summariseRegistrations,
  type AgendaDepartmentFacts,
  type AgendaMunicipalityFacts,
  type AgendaPerson,
} from './agenda-nudges.js';

/**
 * Reads what the agenda cycle of one municipality needs from the organisation store
 * (departments, registrations, absences: each list read by its indexed MunicipalityCode,
 * page by page) and the directory (heads, deputies, MT contacts), into the plain facts
 * the planner and the views work on.
 */
export interface AgendaSnapshotDeps {
  organisation: OrganisationStore;
  directory: Directory;
}

export interface AgendaSnapshot {
  facts: AgendaMunicipalityFacts;
  departments: ItemOf<'departments'>[];
  registrations: ItemOf<'agendaRegistrations'>[];
}

/**
 * A list date as a local date: "yyyy-mm-dd" as written by the API, or an instant as
 * SharePoint answers (midnight UTC and midnight Amsterdam both fall on the same local day).
 */
export function listDateToLocalDate(value: string, timeZone: string): LocalDate {
  if (isLocalDate(value)) return value;
  return toLocalDate(new Date(value), timeZone);
}

export function agendaPersonOf(person: Person): AgendaPerson {
  return { upn: person.upn.toLowerCase(), objectId: person.objectId, displayName: person.displayName, language: languageOf(person.locale) };
}

/** Looks each UPN up once per snapshot. */
function personLookup(directory: Directory): (upn: string | null | undefined) => Promise<AgendaPerson | null> {
  const cache = new Map<string, Promise<AgendaPerson | null>>();
  return (upn) => {
    if (!upn) return Promise.resolve(null);
    const keyUpn = upn.toLowerCase();
    let found = cache.get(keyUpn);
    if (!found) {
      found = directory.findByUpn(keyUpn).then((person) => (person ? agendaPersonOf(person) : null));
      cache.set(keyUpn, found);
    }
    return found;
  };
}

export async function loadAgendaSnapshot(
  deps: AgendaSnapshotDeps,
  municipality: Pick<Municipality, 'code' | 'tenantId'>,
  timeZone: string,
): Promise<AgendaSnapshot> {
  const filter = { filter: { MunicipalityCode: municipality.code } };
  const [departments, registrations, absences, mtContacts] = await Promise.all([
    listAll(deps.organisation, 'departments', filter),
    listAll(deps.organisation, 'agendaRegistrations', filter),
    listAll(deps.organisation, 'absences', filter),
    deps.directory.holdersOf(municipality.code, 'mt-contact'),
  ]);

  const absencesByUpn = new Map<string, AbsencePeriod[]>();
  for (const absence of absences) {
    const upn = absence.fields.PersonUpn.toLowerCase();
    const periods = absencesByUpn.get(upn) ?? [];
    periods.push({
      startsOn: listDateToLocalDate(absence.fields.StartsOn, timeZone),
      endsOn: listDateToLocalDate(absence.fields.EndsOn, timeZone),
    });
    absencesByUpn.set(upn, periods);
  }

  const summary = summariseRegistrations(
    registrations.map((item) => ({
      departmentId: item.fields.DepartmentId,
      kind: item.fields.Kind === 'gepland' ? ('gepland' as const) : ('besproken' as const),
      date: listDateToLocalDate(item.fields.Date, timeZone),
    })),
  );
  const lookup = personLookup(deps.directory);
  const facts: AgendaDepartmentFacts[] = await Promise.all(
    departments.map(async (item) => {
      const headUpn = item.fields.HeadUpn?.toLowerCase() ?? null;
      const deputyHeadUpn = item.fields.DeputyHeadUpn?.toLowerCase() ?? null;
      const registered = summary.get(item.id);
      return {
        id: item.id,
        name: item.fields.Title,
        active: item.fields.Active,
        addedOn: listDateToLocalDate(item.fields.AddedOn, timeZone),
        headUpn,
        deputyHeadUpn,
        head: await lookup(headUpn),
        deputyHead: await lookup(deputyHeadUpn),
        lastDiscussedOn: registered?.lastDiscussedOn ?? null,
        plannedOn: registered?.plannedOn ?? null,
        headAbsences: headUpn ? (absencesByUpn.get(headUpn) ?? []) : [],
      };
    }),
  );
  return {
    facts: {
      municipalityCode: municipality.code,
      tenantId: municipality.tenantId,
      departments: facts,
      mtContacts: mtContacts.map(agendaPersonOf),
    },
    departments,
    registrations,
  };
}
