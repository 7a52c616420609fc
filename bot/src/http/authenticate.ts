import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { actorFromPerson, type Actor, type Directory, type Person } from '@weerbaar/shared';
import { AuthenticationError, type TokenVerifier } from '../auth/tokens.js';

export interface AuthenticatedLocals {
  actor: Actor;
  person: Person;
}

/**
 * Resolves the bearer token to a person of this instance. Tokens of other instances,
 * other tenants, unknown people and people of municipalities this instance does not
 * serve are all refused with 401: the caller is not known here.
 */
export function authenticate(verifier: TokenVerifier, directory: Directory, servedMunicipalities: readonly string[]): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AuthenticationError('no bearer token');
    const caller = await verifier.verify(match[1]);
    const person = await directory.findByObjectId(caller.objectId);
    if (!person) throw new AuthenticationError('unknown person');
    const actor = actorFromPerson(person);
    const servesHere = actor.municipalityCodes.some((code) => servedMunicipalities.includes(code));
    if (!servesHere && servedMunicipalities.length > 0) throw new AuthenticationError('person of another instance');
    res.locals.actor = actor;
    res.locals.person = person;
    next();
  };
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new AuthenticationError('not authenticated');
  return actor;
}
