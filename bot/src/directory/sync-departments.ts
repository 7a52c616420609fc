import { listAll, type Clock, type OrganisationStore, type Person } from '@weerbaar/shared';

/** What the sync reads from the directory: the municipality's people and each one's manager. */
export interface DepartmentSource {
  peopleOf(municipalityCode: string): Promise<Person[]>;
  managerOf(objectIdOrUpn: string): Promise<Person | undefined>;
}

export interface ProposedDepartment {
  name: string;
  /** The manager most of the department's people share; null when they have none in this municipality. */
  headUpn: string | null;
}

export interface DepartmentSyncResult {
  proposed: ProposedDepartment[];
  /** The names of the departments that were missing and are now in the organisation store. */
  created: string[];
}

/**
 * Proposes the municipality's departments from Graph (the distinct `department` values of its users,
 * each headed by the manager its people have in common) and adds the ones the organisation store
 * lacks. Existing departments (same name, any case) are left as the app admin keeps them, so a second
 * run changes nothing.
 */
export async function syncDepartmentsFromGraph(
  deps: { directory: DepartmentSource; organisation: OrganisationStore; clock: Clock; editor: string },
  municipalityCode: string,
): Promise<DepartmentSyncResult> {
  const people = await deps.directory.peopleOf(municipalityCode);
  const members = new Map<string, Person[]>();
  for (const person of people) {
    const name = person.department?.trim();
    if (name) members.set(name, [...(members.get(name) ?? []), person]);
  }

  const proposed: ProposedDepartment[] = [];
  for (const [name, inDepartment] of [...members].sort(([a], [b]) => a.localeCompare(b, 'nl'))) {
    proposed.push({ name, headUpn: await commonManager(deps.directory, inDepartment, municipalityCode) });
  }

  const existing = await listAll(deps.organisation, 'departments', { filter: { MunicipalityCode: municipalityCode } });
  const known = new Set(existing.map((d) => d.fields.Title.trim().toLowerCase()));
  const created: string[] = [];
  for (const department of proposed) {
    if (known.has(department.name.toLowerCase())) continue;
    await deps.organisation.create(
      'departments',
      {
        Title: department.name,
        MunicipalityCode: municipalityCode,
        HeadUpn: department.headUpn,
        DeputyHeadUpn: null,
        AddedOn: deps.clock.now().toISOString(),
        Active: true,
      },
      deps.editor,
    );
    known.add(department.name.toLowerCase());
    created.push(department.name);
  }
  return { proposed, created };
}

/**
 * The manager shared by most members, if they work for the municipality. A manager who is a member
 * of the department comes first: the head's own manager (a director) would otherwise tie with the head
 * in a small department. Remaining ties go to the first in UPN order.
 */
async function commonManager(directory: DepartmentSource, members: readonly Person[], municipalityCode: string): Promise<string | null> {
  const counts = new Map<string, number>();
  for (const member of members) {
    const manager = await directory.managerOf(member.objectId);
    if (!manager || manager.municipalityCode !== municipalityCode) continue;
    const upn = manager.upn.toLowerCase();
    counts.set(upn, (counts.get(upn) ?? 0) + 1);
  }
  const insiders = new Set(members.map((m) => m.upn.toLowerCase()));
  const inside = (upn: string): number => (insiders.has(upn) ? 1 : 0);
  const ranked = [...counts].sort(([a, x], [b, y]) => inside(b) - inside(a) || y - x || a.localeCompare(b));
  return ranked[0]?.[0] ?? null;
}
