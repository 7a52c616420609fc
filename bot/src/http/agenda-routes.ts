import { Router, type Request } from 'express';
import {
  agendaRegistrationInputSchema,
  parseInput,
  type AgendaRegistrationResultDto,
  type AgendaService,
  type Clock,
} from '@weerbaar/shared';
import { actorOf } from './authenticate.js';

export interface AgendaRouteDeps {
  service: AgendaService;
  clock: Clock;
  /** After a registration was written (e.g. to update the head's nudge card in Teams). */
  afterRecorded?: (result: AgendaRegistrationResultDto) => Promise<void>;
}

/**
 * The agenda API of the Afdelingsagenda web part, mounted behind `authenticate` at
 * `/api/agenda`. The service applies the policy per department (`agenda.read`,
 * `agenda.record`): the MT contact sees the municipality, a head their own department.
 */
export function agendaRoutes(deps: AgendaRouteDeps): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json(await deps.service.overview(actorOf(res), deps.clock.now()));
  });

  router.get('/requirement-1a', async (_req, res) => {
    res.json(await deps.service.requirement1a(actorOf(res), deps.clock.now()));
  });

  router.post('/:departmentId/registrations', async (req, res) => {
    const input = parseInput(agendaRegistrationInputSchema, { ...bodyOf(req), ...headerKey(req) });
    const result = await deps.service.record(
      actorOf(res),
      {
        departmentId: String(req.params.departmentId),
        kind: input.kind,
        date: input.date,
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.attendees !== undefined ? { attendees: input.attendees } : {}),
        source: 'webonderdeel',
        ...(input.idempotencyKey !== undefined ? { submissionKey: `api:${input.idempotencyKey}` } : {}),
      },
      deps.clock.now(),
    );
    if (result.created && deps.afterRecorded) await deps.afterRecorded(result);
    res.status(result.created ? 201 : 200).json(result);
  });

  return router;
}

function bodyOf(req: Request): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
}

/** `Idempotency-Key` as a header works too; it wins over a key in the body. */
function headerKey(req: Request): { idempotencyKey?: string } {
  const header = req.headers['idempotency-key'];
  return typeof header === 'string' && header.trim() !== '' ? { idempotencyKey: header.trim() } : {};
}
