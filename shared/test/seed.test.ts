import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Person } from '../src/domain/organisation.js';
import type { RoleId } from '../src/domain/roles.js';
import { parseSeed } from '../src/schemas/seed.js';

const seedFile = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../seed/${name}`, import.meta.url), 'utf8'));

const municipalities = parseSeed('municipalities', seedFile('municipalities.json'), 'municipalities.json');
const people = parseSeed('people', seedFile('people.json'), 'people.json');

const DINKELLAND = '1774';
const TUBBERGEN = '0183';
// The date the onboarding flow is demonstrated against.
const REFERENCE_DATE = '2026-11-28';

const withRole = (group: readonly Person[], role: RoleId) => group.filter((person) => person.roles.includes(role));
const employedBy = (code: string) => people.filter((person) => person.municipalityCode === code);

describe('municipalities seed', () => {
  it('lists the fourteen Twente municipalities with their CBS codes', () => {
    expect(Object.fromEntries(municipalities.map((m) => [m.name, m.code]))).toEqual({
      Almelo: '0141',
      Borne: '0147',
      Dinkelland: '1774',
      Enschede: '0153',
      Haaksbergen: '0158',
      Hellendoorn: '0163',
      Hengelo: '0164',
      'Hof van Twente': '1735',
      Losser: '0168',
      Oldenzaal: '0173',
      'Rijssen-Holten': '1742',
      Tubbergen: '0183',
      Twenterand: '1700',
      Wierden: '0189',
    });
  });

  it('lets Dinkelland and Tubbergen share one tenant and so one instance port', () => {
    const dinkelland = municipalities.find((m) => m.code === DINKELLAND);
    const tubbergen = municipalities.find((m) => m.code === TUBBERGEN);
    expect(dinkelland?.tenantId).toBe(tubbergen?.tenantId);
    expect(dinkelland?.localPortOffset).toBe(tubbergen?.localPortOffset);
  });

  it('gives every other municipality its own tenant and its own port', () => {
    const others = municipalities.filter((m) => m.code !== TUBBERGEN);
    expect(new Set(others.map((m) => m.tenantId)).size).toBe(13);
    expect(new Set(others.map((m) => m.localPortOffset)).size).toBe(13);
    expect(new Set(municipalities.map((m) => m.referencePrefix)).size).toBe(14);
  });

  it('refuses two tenants on one port, naming the field', () => {
    const clash = structuredClone(seedFile('municipalities.json')) as { municipalities: { localPortOffset: number }[] };
    const second = clash.municipalities[1];
    if (second) second.localPortOffset = 1;
    expect(() => parseSeed('municipalities', clash, 'municipalities.json')).toThrow(
      /municipalities\.json.*municipalities\[1\]\.localPortOffset/,
    );
  });
});

describe('people seed', () => {
  it('has unique upns and object ids', () => {
    expect(new Set(people.map((p) => p.upn.toLowerCase())).size).toBe(people.length);
    expect(new Set(people.map((p) => p.objectId.toLowerCase())).size).toBe(people.length);
  });

  it('only refers to seeded municipalities', () => {
    const codes = new Set(municipalities.map((m) => m.code));
    for (const person of people) {
      for (const code of [person.municipalityCode, ...(person.alsoServes ?? [])]) {
        if (code !== null) expect(codes.has(code), person.upn).toBe(true);
      }
    }
  });

  it('lists a Hengelo employee and the Hengelo MT contact first, for the playgrounds', () => {
    const hengelo = employedBy('0164');
    expect(hengelo[0]?.roles).toEqual(['employee']);
    expect(hengelo[1]?.roles).toContain('mt-contact');
    expect(people.slice(0, 2)).toEqual(hengelo.slice(0, 2));
  });

  it('mostly uses Dutch, with a few English-speaking colleagues', () => {
    const english = people.filter((p) => p.locale === 'en-US').length;
    expect(english).toBeGreaterThan(0);
    expect(english).toBeLessThan(people.length / 4);
  });

  describe.each(municipalities.map((m) => [m.name, m.code] as const))('%s (%s)', (_name, code) => {
    const staff = employedBy(code);

    it.each(['mt-contact', 'mt-deputy', 'coordinator', 'secretary', 'app-admin'] as const)('has a %s', (role) => {
      expect(withRole(staff, role).length).toBeGreaterThanOrEqual(1);
    });

    it('has at least three department heads, each heading a distinct department', () => {
      const heads = withRole(staff, 'department-head');
      expect(heads.length).toBeGreaterThanOrEqual(3);
      expect(new Set(heads.map((head) => head.department)).size).toBe(heads.length);
    });

    it('has at least five plain employees, each in a department that has a head', () => {
      const headedDepartments = new Set(withRole(staff, 'department-head').map((head) => head.department));
      const plain = staff.filter((person) => person.roles.length === 1 && person.roles[0] === 'employee');
      expect(plain.length).toBeGreaterThanOrEqual(5);
      expect(new Set(plain.map((person) => person.department)).size).toBeGreaterThanOrEqual(2);
      for (const person of staff) expect(headedDepartments.has(person.department), person.upn).toBe(true);
    });

    it('gives everyone it employs the employee role', () => {
      for (const person of staff) expect(person.roles, person.upn).toContain('employee');
    });

    it('has an employee who started within the last month, for onboarding', () => {
      const monthBefore = '2026-10-28';
      const newcomers = staff.filter((p) => p.startDate > monthBefore && p.startDate <= REFERENCE_DATE);
      expect(newcomers.length).toBeGreaterThanOrEqual(1);
    });

    it('is served by exactly one privacy officer of its tenant', () => {
      const officers = withRole(people, 'privacy-officer').filter(
        (p) => p.municipalityCode === code || (p.alsoServes ?? []).includes(code),
      );
      expect(officers).toHaveLength(1);
    });
  });

  it('has one privacy officer for Dinkelland and Tubbergen together', () => {
    const officer = withRole(people, 'privacy-officer').find((p) => p.alsoServes?.includes(TUBBERGEN));
    expect(officer?.municipalityCode).toBe(DINKELLAND);
  });

  it.each(['district-coordinator', 'specialist', 'assessor', 'dvo'] as const)(
    'has a district-wide %s without municipality or department',
    (role) => {
      const holders = withRole(people, role);
      expect(holders).toHaveLength(1);
      expect(holders[0]?.municipalityCode).toBeNull();
      expect(holders[0]?.department).toBeNull();
    },
  );

  it('has nobody starting after the reference date', () => {
    for (const person of people) expect(person.startDate <= REFERENCE_DATE, person.upn).toBe(true);
  });
});

describe('parseSeed refuses a malformed seed', () => {
  const withFirstPerson = (change: (person: Record<string, unknown>) => void): unknown => {
    const seed = structuredClone(seedFile('people.json')) as { people: Record<string, unknown>[] };
    const first = seed.people[0];
    if (first) change(first);
    return seed;
  };

  it.each([
    ['an object id that is no GUID', (p: Record<string, unknown>) => (p.objectId = 'not-a-guid'), 'people[0].objectId'],
    ['an unknown role', (p: Record<string, unknown>) => (p.roles = ['employee', 'mayor']), 'people[0].roles[1]'],
    ['a three-digit CBS code', (p: Record<string, unknown>) => (p.municipalityCode = '164'), 'people[0].municipalityCode'],
    ['an impossible start date', (p: Record<string, unknown>) => (p.startDate = '2026-13-01'), 'people[0].startDate'],
    ['an unsupported locale', (p: Record<string, unknown>) => (p.locale = 'de-DE'), 'people[0].locale'],
    ['a upn that is no address', (p: Record<string, unknown>) => (p.upn = 'jan jansen'), 'people[0].upn'],
  ])('with %s, naming the file and the field', (_case, change, field) => {
    const malformed = withFirstPerson(change);
    expect(() => parseSeed('people', malformed, 'people.json')).toThrow(/people\.json/);
    expect(() => parseSeed('people', malformed, 'people.json')).toThrow(field);
    try {
      parseSeed('people', malformed, 'people.json');
    } catch (error) {
      expect(error).toMatchObject({ field });
    }
  });

  it('refuses a duplicate upn', () => {
    const seed = structuredClone(seedFile('people.json')) as { people: Record<string, unknown>[] };
    const [first, second] = seed.people;
    if (first && second) second.upn = first.upn;
    expect(() => parseSeed('people', seed, 'people.json')).toThrow(/people\.json.*people\[1\]\.upn.*duplicate/);
  });

  it('refuses a misspelt field instead of ignoring it', () => {
    const malformed = withFirstPerson((p) => (p.departement = 'Vergunningen'));
    expect(() => parseSeed('people', malformed, 'people.json')).toThrow(/people\.json/);
  });

  it('refuses a file that is not a seed at all', () => {
    expect(() => parseSeed('municipalities', [], 'municipalities.json')).toThrow(/municipalities\.json/);
  });
});
