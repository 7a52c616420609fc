import { listAll, type OrganisationStore, type Person, type RoleId } from '@weerbaar/shared';

const SEEDED_ROLES: RoleId[] = ['mt-contact', 'mt-deputy', 'coordinator', 'secretary', 'app-admin', 'privacy-officer'];

/**
 * Fills an empty organisation store from the seed: departments with their heads, and the
 * organisation roles. Idempotent: a municipality that already has departments or role
 * assignments is left as the app admin made it.
 */
export async function seedOrganisation(
  store: OrganisationStore,
  municipalityCodes: readonly string[],
  people: readonly Person[],
  now: Date,
): Promise<{ departments: number; roles: number }> {
  let departments = 0;
  let roles = 0;
  for (const code of municipalityCodes) {
    const staff = people.filter((p) => p.municipalityCode === code || (p.alsoServes ?? []).includes(code));
    const existingDepartments = await listAll(store, 'departments', { filter: { MunicipalityCode: code } });
    if (existingDepartments.length === 0) {
      const names = [...new Set(staff.map((p) => p.department).filter((d): d is string => !!d && d.trim().length > 0))].sort();
      for (const name of names) {
        const inDepartment = staff.filter((p) => p.department === name && p.municipalityCode === code);
        const head = inDepartment.find((p) => p.roles.includes('department-head'));
        const deputy = inDepartment.find((p) => p !== head && p.roles.includes('employee'));
        await store.create(
          'departments',
          {
            Title: name,
            MunicipalityCode: code,
            HeadUpn: head?.upn.toLowerCase() ?? null,
            DeputyHeadUpn: deputy?.upn.toLowerCase() ?? null,
            AddedOn: new Date(Date.UTC(now.getUTCFullYear() - 1, 0, 15)).toISOString(),
            Active: true,
          },
          'seed',
        );
        departments++;
      }
    }
    const existingRoles = await listAll(store, 'roleAssignments', { filter: { MunicipalityCode: code } });
    if (existingRoles.length === 0) {
      for (const person of staff) {
        for (const role of person.roles.filter((r) => SEEDED_ROLES.includes(r))) {
          await store.create(
            'roleAssignments',
            { Title: `${role} ${code}`, MunicipalityCode: code, Role: role, PersonUpn: person.upn.toLowerCase() },
            'seed',
          );
          roles++;
        }
      }
    }
  }
  return { departments, roles };
}
