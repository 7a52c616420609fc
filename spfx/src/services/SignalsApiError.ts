/**
 * An error answer of the signals API (`{"error":{"code","message"}}`, the message already in the
 * caller's language), or a failure to reach it. Components show `message` and branch on `status`:
 * 412 means someone else changed the signal since it was loaded.
 */
export class SignalsApiError extends Error {
  public readonly status: number;
  public readonly code: string;
  public readonly field: string | undefined;

  public constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'SignalsApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    // Keeps instanceof working when TypeScript targets ES5 (SPFx) and the class extends Error.
    Object.setPrototypeOf(this, SignalsApiError.prototype);
  }

  /** The signal changed since its etag was read (HTTP 412 on If-Match). */
  public get isConflict(): boolean {
    return this.status === 412;
  }
}

/** Turns a non-2xx answer into a SignalsApiError, using the API's translated message when there is one. */
export function apiErrorFrom(status: number, bodyText: string): SignalsApiError {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const error = (body as { error: unknown }).error;
      if (typeof error === 'object' && error !== null) {
        const { code, message, field } = error as { code?: unknown; message?: unknown; field?: unknown };
        if (typeof code === 'string' && typeof message === 'string') {
          return new SignalsApiError(status, code, message, typeof field === 'string' ? field : undefined);
        }
      }
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the generic error below.
  }
  return new SignalsApiError(status, 'http-' + String(status), 'HTTP ' + String(status));
}
