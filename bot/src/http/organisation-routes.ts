import { Router, type Request, type Response } from 'express';
import {
  absenceInputSchema,
  departmentInputSchema,
  departmentPatchSchema,
  listAll,
  NotFoundError,
  parseInput,
  roleAssignmentInputSchema,
  ValidationError,
  type Actor,
  type Clock,
  type Directory,
  type OrganisationListName,
  type OrganisationStore,
} from '@weerbaar/shared';
import { actorOf } from './authenticate.js';
import { authorize } from './authorize.js';

export interface OrganisationRouteDeps {
  organisation: OrganisationStore;
  directory: Directory;
  clock: Clock;
  servedMunicipalities: readonly string[];
}

/**
 * The organisation admin API of the app admin (functioneel beheerder): departments with
 * head and deputy head, the MT contact, deputy and coordinator, and absence periods.
 * Every route names the municipality: `/api/organisation/{code}/...`; the policy decides.
 * Updates and deletes need `If-Match` with the item's eTag, as in SharePoint.
 */
export function organisationRoutes(deps: OrganisationRouteDeps): Router {
  const router = Router();
  const { organisation } = deps;

  const municipality = (req: Request, res: Response, action: 'organisation.read' | 'organisation.manage'): string => {
    const code = String(req.params.code);
    // Another municipality's code is answered like an unknown one: 404, not 403.
    if (!deps.servedMunicipalities.includes(code)) throw new NotFoundError('unknown municipality');
    authorize(actorOf(res), action, { kind: 'municipality', municipalityCode: code });
    return code;
  };

  router.get('/:code/departments', async (req, res) => {
    const code = municipality(req, res, 'organisation.read');
    const items = await listAll(organisation, 'departments', { filter: { MunicipalityCode: code } });
    res.json({ items: items.map(itemView) });
  });

  router.post('/:code/departments', async (req, res) => {
    const code = municipality(req, res, 'organisation.manage');
    const input = parseInput(departmentInputSchema, req.body);
    await requirePeopleOf(deps.directory, code, { headUpn: input.headUpn, deputyHeadUpn: input.deputyHeadUpn });
    const item = await organisation.create(
      'departments',
      {
        Title: input.name,
        MunicipalityCode: code,
        HeadUpn: input.headUpn?.toLowerCase() ?? null,
        DeputyHeadUpn: input.deputyHeadUpn?.toLowerCase() ?? null,
        AddedOn: deps.clock.now().toISOString(),
        Active: true,
      },
      editorOf(actorOf(res)),
    );
    res.status(201).set('ETag', quote(item.etag)).json(itemView(item));
  });

  router.patch('/:code/departments/:id', async (req, res) => {
    const code = municipality(req, res, 'organisation.manage');
    const input = parseInput(departmentPatchSchema, req.body);
    await requireItemOf(organisation, 'departments', String(req.params.id), code);
    await requirePeopleOf(deps.directory, code, { headUpn: input.headUpn, deputyHeadUpn: input.deputyHeadUpn });
    const item = await organisation.update(
      'departments',
      String(req.params.id),
      {
        ...(input.name !== undefined ? { Title: input.name } : {}),
        ...(input.headUpn !== undefined ? { HeadUpn: input.headUpn?.toLowerCase() ?? null } : {}),
        ...(input.deputyHeadUpn !== undefined ? { DeputyHeadUpn: input.deputyHeadUpn?.toLowerCase() ?? null } : {}),
      },
      ifMatch(req),
      editorOf(actorOf(res)),
    );
    res.set('ETag', quote(item.etag)).json(itemView(item));
  });

  router.get('/:code/roles', async (req, res) => {
    const code = municipality(req, res, 'organisation.read');
    const items = await listAll(organisation, 'roleAssignments', { filter: { MunicipalityCode: code } });
    res.json({ items: items.map(itemView) });
  });

  router.post('/:code/roles', async (req, res) => {
    const code = municipality(req, res, 'organisation.manage');
    const input = parseInput(roleAssignmentInputSchema, req.body);
    await requirePeopleOf(deps.directory, code, { personUpn: input.personUpn });
    const item = await organisation.create(
      'roleAssignments',
      { Title: `${input.role} ${code}`, MunicipalityCode: code, Role: input.role, PersonUpn: input.personUpn.toLowerCase() },
      editorOf(actorOf(res)),
    );
    res.status(201).set('ETag', quote(item.etag)).json(itemView(item));
  });

  router.get('/:code/absences', async (req, res) => {
    const code = municipality(req, res, 'organisation.manage');
    const items = await listAll(organisation, 'absences', { filter: { MunicipalityCode: code } });
    res.json({ items: items.map(itemView) });
  });

  router.post('/:code/absences', async (req, res) => {
    const code = municipality(req, res, 'organisation.manage');
    const input = parseInput(absenceInputSchema, req.body);
    await requirePeopleOf(deps.directory, code, { personUpn: input.personUpn });
    const item = await organisation.create(
      'absences',
      {
        Title: input.description ?? 'Afwezig',
        MunicipalityCode: code,
        PersonUpn: input.personUpn.toLowerCase(),
        StartsOn: input.startsOn,
        EndsOn: input.endsOn,
      },
      editorOf(actorOf(res)),
    );
    res.status(201).set('ETag', quote(item.etag)).json(itemView(item));
  });

  for (const [path, list] of [
    ['departments', 'departments'],
    ['roles', 'roleAssignments'],
    ['absences', 'absences'],
  ] as const) {
    router.delete(`/:code/${path}/:id`, async (req, res) => {
      const code = municipality(req, res, 'organisation.manage');
      await requireItemOf(organisation, list, String(req.params.id), code);
      await organisation.delete(list, String(req.params.id), ifMatch(req));
      res.status(204).end();
    });
  }
  return router;
}

function itemView(item: { id: string; etag: string; fields: object; modifiedAt: string }) {
  return { id: item.id, etag: item.etag, modifiedAt: item.modifiedAt, ...item.fields };
}

function quote(etag: string): string {
  return `"${etag}"`;
}

function ifMatch(req: Request): string {
  const header = req.headers['if-match'];
  if (!header) throw new ValidationError('the If-Match header with the item eTag is required', 'If-Match');
  return header.replace(/^W\//, '').replace(/^"|"$/g, '');
}

function editorOf(actor: Actor): string {
  return actor.upn;
}

async function requireItemOf(store: OrganisationStore, list: OrganisationListName, id: string, code: string): Promise<void> {
  const item = await store.get(list, id);
  // An item of another municipality is as unknown as a missing one.
  if (!item || item.fields.MunicipalityCode !== code) throw new NotFoundError('unknown item');
}

async function requirePeopleOf(directory: Directory, code: string, upns: Record<string, string | null | undefined>): Promise<void> {
  for (const [field, upn] of Object.entries(upns)) {
    if (!upn) continue;
    const person = await directory.findByUpn(upn);
    const serves = person && (person.municipalityCode === code || (person.alsoServes ?? []).includes(code));
    if (!serves) throw new ValidationError('no such person in this municipality', field);
  }
}
