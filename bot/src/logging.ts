import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Structured logging that never writes message text or identities. Call sites log ids,
 * kinds and counts only; the redaction below is a second wall for anything that slips
 * through (a request body, an activity, a person object).
 */
const REDACT_PATHS = [
  'text',
  'body',
  'req.body',
  'activity',
  'value',
  'description',
  'upn',
  'displayName',
  'name',
  'from',
  'recipient',
  'reporter',
  'content',
  'payload',
  'token',
  'authorization',
  'headers.authorization',
  '*.text',
  '*.body',
  '*.upn',
  '*.displayName',
  '*.name',
  '*.from',
  '*.reporter',
  '*.content',
  '*.payload',
  '*.token',
  '*.aadObjectId',
];

export type { Logger };

export function createLogger(options: { level: string; instanceId: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { instance: options.instanceId },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Error objects keep message and type, no stack; a call site that logs only an error's
      // name or code passes that string, which is kept as it is.
      serializers: { err: (err: unknown) => (err instanceof Error ? { type: err.name, message: err.message } : err) },
    },
    options.destination,
  );
}
