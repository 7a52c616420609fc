import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DISTRICT_ROLES, actorFromPerson, type Person, type RoleId } from '@weerbaar/shared';
import { AuthenticationError, type TokenVerifier } from '../auth/tokens.js';

/**
 * Production at the hub: district people are who the hub's own Entra tenant says they are.
 * Their role comes from the app roles the tenant's admin assigns in the hub's app
 * registration (values `district-coordinator`, `specialist`, `assessor`, `dvo`), carried in
 * the token's `roles` claim: no list of people to keep in step with Entra. A token without
 * one of these roles is refused (401), so signing in to the tenant alone opens nothing.
 */
export function authenticateByAppRoles(verifier: TokenVerifier): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) throw new AuthenticationError('no bearer token');
    const caller = await verifier.verify(match[1]);
    const roles = DISTRICT_ROLES.filter((role: RoleId) => caller.appRoles.includes(role));
    if (roles.length === 0) throw new AuthenticationError('no district role assigned');
    const person: Person = {
      upn: caller.upn ?? caller.objectId,
      displayName: caller.displayName ?? caller.upn ?? caller.objectId,
      objectId: caller.objectId,
      municipalityCode: null,
      department: null,
      roles,
      locale: 'nl-NL',
      startDate: '1970-01-01',
    };
    res.locals.actor = actorFromPerson(person);
    res.locals.person = person;
    next();
  };
}
