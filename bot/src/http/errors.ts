import type { ErrorRequestHandler, Request, Response } from 'express';
import { DomainError, ValidationError } from '@weerbaar/shared';
import { AuthenticationError } from '../auth/tokens.js';
import type { Logger } from '../logging.js';

const STATUS_BY_CODE: Record<string, number> = {
  'not-found': 404,
  forbidden: 403,
  'precondition-failed': 412,
  'precondition-required': 428,
  'invalid-input': 400,
  'non-indexed-filter': 400,
  'invalid-transition': 409,
  'round-closed': 409,
  'round-not-closed': 409,
  'hub-unavailable': 502,
  unauthenticated: 401,
};

/** Safe, translated messages: error bodies never carry internals, content or stack traces. */
const MESSAGES: Record<string, { nl: string; en: string }> = {
  'not-found': { nl: 'Niet gevonden.', en: 'Not found.' },
  forbidden: { nl: 'Je hebt geen toestemming voor deze handeling.', en: 'You are not allowed to do this.' },
  'precondition-failed': {
    nl: 'Dit is intussen door iemand anders gewijzigd. Laad opnieuw en probeer het nog eens.',
    en: 'Someone else changed this in the meantime. Reload and try again.',
  },
  'precondition-required': {
    nl: 'Stuur de ETag van het signaal mee in de If-Match-header, zodat een tussentijdse wijziging niet wordt overschreven.',
    en: "Send the signal's ETag in the If-Match header, so that a change made meanwhile is not overwritten.",
  },
  'invalid-transition': { nl: 'Deze stap kan niet vanuit de huidige status.', en: 'This step is not possible from the current status.' },
  'round-closed': { nl: 'Deze meetronde is gesloten en kan niet meer veranderen.', en: 'This round is closed and can no longer change.' },
  'round-not-closed': {
    nl: 'Het Twentebrede resultaat komt pas na het sluiten van de meetronde.',
    en: 'The Twente-wide outcome is available only once the round is closed.',
  },
  'hub-unavailable': {
    nl: 'De districtshub is nu niet bereikbaar. Probeer het later opnieuw.',
    en: 'The district hub cannot be reached right now. Try again later.',
  },
  unauthenticated: { nl: 'Niet aangemeld of je sessie is verlopen.', en: 'Not signed in, or your session has expired.' },
  'non-indexed-filter': { nl: 'Op dit veld kan niet worden gefilterd.', en: 'This field cannot be used as a filter.' },
  internal: { nl: 'Er ging iets mis aan onze kant.', en: 'Something went wrong on our side.' },
  'payload-too-large': { nl: 'De invoer is te groot.', en: 'The input is too large.' },
  'invalid-json': { nl: 'De invoer is geen geldige JSON.', en: 'The input is not valid JSON.' },
};

export function languageOfRequest(req: Request): 'nl' | 'en' {
  const header = req.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'nl';
}

export function sendError(req: Request, res: Response, status: number, code: string, extra: Record<string, unknown> = {}): void {
  const lang = languageOfRequest(req);
  const message = MESSAGES[code]?.[lang] ?? MESSAGES.internal![lang];
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message, ...extra } });
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof ValidationError) {
      const lang = languageOfRequest(req);
      const message = lang === 'nl' ? `Ongeldige invoer in veld "${err.field}": ${err.message}` : `Invalid input in field "${err.field}": ${err.message}`;
      res.status(400).set('Cache-Control', 'no-store').json({ error: { code: err.code, message, field: err.field } });
      return;
    }
    if (err instanceof DomainError || err instanceof AuthenticationError) {
      sendError(req, res, STATUS_BY_CODE[err.code] ?? 400, err.code);
      return;
    }
    const bodyError = err as { type?: string; status?: number };
    if (bodyError.type === 'entity.too.large') return sendError(req, res, 413, 'payload-too-large');
    if (bodyError.type === 'entity.parse.failed') return sendError(req, res, 400, 'invalid-json');
    logger.error({ err, route: req.route?.path ?? 'unmatched', method: req.method }, 'request failed');
    sendError(req, res, 500, 'internal');
  };
}
