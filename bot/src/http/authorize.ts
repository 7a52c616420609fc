import { decide, ForbiddenError, NotFoundError, type Actor, type PolicyAction, type PolicyResource } from '@weerbaar/shared';

/** Applies the shared access policy; denials become 404 (may not know it exists) or 403. */
export function authorize(actor: Actor, action: PolicyAction, resource: PolicyResource): void {
  const decision = decide(actor, action, resource);
  if (decision.allowed) return;
  if (decision.httpStatus === 404) throw new NotFoundError('not visible to this actor');
  throw new ForbiddenError('not allowed for this role');
}
