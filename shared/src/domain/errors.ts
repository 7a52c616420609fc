/**
 * Domain errors. Adapters translate them to transport terms (HTTP status codes, chat
 * messages); the `code` is stable and safe to show, the message never holds content.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Unknown id, or an id the caller may not know exists (same answer on purpose). */
export class NotFoundError extends DomainError {
  readonly code = 'not-found';
}

/** The caller may see the record but not do this to it. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

/** The record changed since the caller read it (eTag / version mismatch). */
export class ConcurrencyError extends DomainError {
  readonly code = 'precondition-failed';
}

/** Input outside its schema; `field` names the offending field. */
export class ValidationError extends DomainError {
  readonly code = 'invalid-input';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** A state-machine transition that is not allowed from the current state. */
export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid-transition';
}

/** A filter on a column that is not indexed: SharePoint refuses these, so every adapter does. */
export class NonIndexedFilterError extends DomainError {
  readonly code = 'non-indexed-filter';
}

/** A database file this version cannot use (corrupt, or written by a newer schema). */
export class IncompatibleStoreError extends DomainError {
  readonly code = 'incompatible-store';
}
