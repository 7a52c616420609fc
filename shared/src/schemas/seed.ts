import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import type { Municipality, Person } from '../domain/organisation.js';
import { ROLE_IDS } from '../domain/roles.js';

/**
 * Schemas for shared/seed/*.json, the fictional directory local mode starts from.
 * A broken seed must stop the start with a message that says which file and which
 * field, instead of surfacing later as a person who cannot log in or a port clash.
 * Objects are strict so a misspelt field name is refused rather than silently ignored.
 */

const cbsCode = z.string().regex(/^\d{4}$/, 'expected a four-digit CBS code');

export const municipalitySeedSchema = z.strictObject({
  code: cbsCode,
  name: z.string().trim().min(1),
  tenantId: z.guid(),
  localPortOffset: z.int().positive(),
  referencePrefix: z.string().regex(/^[A-Z]{3}$/, 'expected three capital letters'),
});

export const municipalitiesSeedSchema = z
  .strictObject({ municipalities: z.array(municipalitySeedSchema).min(1) })
  .superRefine(({ municipalities }, context) => {
    const codes = new Set<string>();
    const prefixes = new Set<string>();
    // One tenant is one instance, so it has one port; two tenants on one port would collide.
    const offsetByTenant = new Map<string, number>();
    const tenantByOffset = new Map<number, string>();
    municipalities.forEach((municipality, index) => {
      const at = (field: string) => ['municipalities', index, field];
      if (codes.has(municipality.code)) {
        context.addIssue({ code: 'custom', path: at('code'), message: `duplicate code ${municipality.code}` });
      }
      codes.add(municipality.code);
      if (prefixes.has(municipality.referencePrefix)) {
        context.addIssue({ code: 'custom', path: at('referencePrefix'), message: 'duplicate reference prefix' });
      }
      prefixes.add(municipality.referencePrefix);
      const tenantOffset = offsetByTenant.get(municipality.tenantId);
      const offsetTenant = tenantByOffset.get(municipality.localPortOffset);
      if (tenantOffset !== undefined && tenantOffset !== municipality.localPortOffset) {
        context.addIssue({
          code: 'custom',
          path: at('localPortOffset'),
          message: 'municipalities sharing a tenant must share its port offset',
        });
      } else if (offsetTenant !== undefined && offsetTenant !== municipality.tenantId) {
        context.addIssue({
          code: 'custom',
          path: at('localPortOffset'),
          message: 'port offset already used by another tenant',
        });
      }
      offsetByTenant.set(municipality.tenantId, municipality.localPortOffset);
      tenantByOffset.set(municipality.localPortOffset, municipality.tenantId);
    });
  });

/**
 * A seeded person. District-wide people (district coordinator, specialist, assessor and
 * the DVO member, a mayor) have no municipalityCode: their access is Twente-wide only,
 * and no home municipality keeps a mayor from reaching municipality-scoped data.
 */
export const personSeedSchema = z.strictObject({
  upn: z.email(),
  displayName: z.string().trim().min(1),
  objectId: z.guid(),
  municipalityCode: cbsCode.nullable(),
  alsoServes: z.array(cbsCode).optional(),
  department: z.string().trim().min(1).nullable(),
  roles: z.array(z.enum(ROLE_IDS)).min(1),
  locale: z.enum(['nl-NL', 'en-US']),
  startDate: z.iso.date(),
});

export const peopleSeedSchema = z
  .strictObject({ people: z.array(personSeedSchema).min(1) })
  .superRefine(({ people }, context) => {
    const upns = new Set<string>();
    const objectIds = new Set<string>();
    people.forEach((person, index) => {
      // UPNs are case-insensitive in Entra, and object ids are GUIDs in any case.
      const upn = person.upn.toLowerCase();
      const objectId = person.objectId.toLowerCase();
      if (upns.has(upn)) {
        context.addIssue({ code: 'custom', path: ['people', index, 'upn'], message: 'duplicate upn' });
      }
      if (objectIds.has(objectId)) {
        context.addIssue({ code: 'custom', path: ['people', index, 'objectId'], message: 'duplicate objectId' });
      }
      upns.add(upn);
      objectIds.add(objectId);
    });
  });

export type SeedKind = 'municipalities' | 'people';

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

function refuse(fileName: string, error: z.ZodError): never {
  const first = error.issues[0];
  const field = first ? fieldPath(first.path) || '(root)' : '(root)';
  const details = error.issues
    .slice(0, 5)
    .map((issue) => `${fieldPath(issue.path) || '(root)'}: ${issue.message}`)
    .join('; ');
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  throw new ValidationError(`Invalid seed file ${fileName}: ${details}${more}`, field);
}

/** Validates parsed seed JSON; throws a ValidationError naming the file and the field path. */
export function parseSeed(kind: 'municipalities', json: unknown, fileName: string): Municipality[];
export function parseSeed(kind: 'people', json: unknown, fileName: string): Person[];
export function parseSeed(kind: SeedKind, json: unknown, fileName: string): Municipality[] | Person[];
export function parseSeed(kind: SeedKind, json: unknown, fileName: string): Municipality[] | Person[] {
  if (kind === 'municipalities') {
    const result = municipalitiesSeedSchema.safeParse(json);
    if (!result.success) refuse(fileName, result.error);
    const municipalities: Municipality[] = result.data.municipalities;
    return municipalities;
  }
  const result = peopleSeedSchema.safeParse(json);
  if (!result.success) refuse(fileName, result.error);
  const people: Person[] = result.data.people;
  return people;
}
