import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response, type Router } from 'express';
import { dutchDateOf, submissionIdempotencyKey, type Clock, type Language, type Municipality, type ReceiptCodes, type SignalIntakeService, type SignalRepository } from '@weerbaar/shared';
import type { Logger } from '../../logging.js';
import { FixedWindowLimiter, type RateLimit } from './fixed-window-limiter.js';
import { checkSubmission, chosenMunicipality, emptyValues, newSubmissionId, valuesFromBody, type FormValues, type FieldErrors } from './form-submission.js';
import { renderFormMain } from './form-page.js';
import { pageLanguage } from './language.js';
import { renderPage } from './page-layout.js';
import { renderAccessibilityMain, renderDuplicateMain, renderFailureMain, renderLimitNotice, renderReceiptMain } from './result-pages.js';
import { statusRoutes, type ReporterTimeline } from './status-routes.js';
import { FORM_TEXT } from './texts-form.js';
import { ACCESSIBILITY_TEXT } from './texts-accessibility.js';
import { FAILURE_TEXT, RECEIPT_TEXT } from './texts-pages.js';

export const WEB_FORM_STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../static/melden');

/** Reports per municipality per window; every POST counts, valid or not, so a flood is stopped early. */
export const DEFAULT_SUBMIT_LIMIT: RateLimit = { limit: 20, windowMs: 10 * 60_000 };
/** Code checks per instance per window: each costs a slow hash. */
export const DEFAULT_STATUS_LIMIT: RateLimit = { limit: 60, windowMs: 10 * 60_000 };

export interface WebFormDeps {
  /** The municipalities this instance serves, in the order they are offered. */
  served: readonly Municipality[];
  clock: Clock;
  logger: Logger;
  intake: Pick<SignalIntakeService, 'submit'>;
  receiptCodes: Pick<ReceiptCodes, 'verify'>;
  signals: Pick<SignalRepository, 'get'>;
  /** Messages with the handler; without it the status page shows the status only. */
  timeline?: ReporterTimeline;
  submitLimit?: RateLimit;
  statusLimit?: RateLimit;
}

const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** No cookies, no caching, no referrer, no inline code; the same on every /melden response. */
function webFormHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Language',
  });
  next();
}

/** `/melden`: the anonymous report form, its status page and the accessibility statement. */
export function webFormRouter(deps: WebFormDeps): Router {
  const router = express.Router();
  const submitLimiter = new FixedWindowLimiter(deps.submitLimit ?? DEFAULT_SUBMIT_LIMIT, deps.clock);
  const names = deps.served.map((m) => m.name);
  const page = (res: Response, status: number, lang: Language, title: string, main: string, extra: { hasErrors?: boolean; switchPath?: string } = {}) =>
    res.status(status).type('html').send(renderPage({ lang, title, main, municipalityNames: names, ...extra }));
  const formPage = (res: Response, status: number, lang: Language, values: FormValues, errors: FieldErrors, notice = '') =>
    page(res, status, lang, FORM_TEXT[lang].title, notice + renderFormMain({ lang, served: deps.served, values, errors, today: dutchDateOf(deps.clock.now()) }), {
      hasErrors: Object.keys(errors).length > 0,
      switchPath: '/melden',
    });

  router.use(webFormHeaders);
  router.use('/static', express.static(WEB_FORM_STATIC_DIR, { fallthrough: false, index: false, cacheControl: false, dotfiles: 'deny' }));

  router.get('/', (req, res) => formPage(res, 200, pageLanguage(req), emptyValues(), {}));

  router.post('/', express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 50 }), async (req, res) => {
    const lang = pageLanguage(req);
    const values = valuesFromBody(req.body);
    const chosen = chosenMunicipality(values, deps.served);
    if (!submitLimiter.take('code' in chosen ? chosen.code : `no-municipality:${chosen.problem}`)) {
      deps.logger.warn({ municipalityCode: 'code' in chosen ? chosen.code : null }, 'web form rate limit reached');
      return formPage(res, 429, lang, values, {}, renderLimitNotice(lang, false));
    }
    const now = deps.clock.now();
    const checked = checkSubmission(values, deps.served, now, lang);
    if (!checked.ok) {
      deps.logger.info({ municipalityCode: checked.municipalityCode, fields: Object.keys(checked.errors) }, 'web form report refused');
      const kept = checked.errors.submissionId ? { ...values, submissionId: newSubmissionId() } : values;
      return formPage(res, 400, lang, kept, checked.errors);
    }
    const result = await deps.intake.submit({
      submission: checked.input,
      municipalityCode: checked.municipalityCode,
      reporter: null,
      department: null,
      // Its own namespace, so a form nonce can never match a Teams card's submission.
      idempotencyKey: submissionIdempotencyKey(`web-form:${checked.input.submissionId}`),
      now,
      channel: 'web-form',
    });
    deps.logger.info({ municipalityCode: checked.municipalityCode, created: result.created }, 'web form report received');
    if (result.created && result.receiptCode !== undefined) {
      return page(res, 200, lang, RECEIPT_TEXT[lang].title, renderReceiptMain(lang, result.signal.reference, result.receiptCode));
    }
    return page(res, 200, lang, RECEIPT_TEXT[lang].duplicateTitle, renderDuplicateMain(lang), { switchPath: '/melden' });
  });

  router.use(
    '/status',
    statusRoutes({
      ...deps,
      limiter: new FixedWindowLimiter(deps.statusLimit ?? DEFAULT_STATUS_LIMIT, deps.clock),
      page,
    }),
  );

  const accessibility = (forced: Language | null) => (req: Request, res: Response) => {
    const lang = forced ?? pageLanguage(req);
    page(res, 200, lang, ACCESSIBILITY_TEXT[lang].title, renderAccessibilityMain(lang), { switchPath: '/melden/toegankelijkheid' });
  };
  router.get('/toegankelijkheid', accessibility(null));
  router.get('/accessibility', accessibility('en'));

  router.use((req, res) => {
    const lang = pageLanguage(req);
    page(res, 404, lang, FAILURE_TEXT[lang].title, renderFailureMain(lang, 'not-found'));
  });
  router.use(webFormErrors(deps.logger, page));
  return router;
}

type PageRenderer = (res: Response, status: number, lang: Language, title: string, main: string) => void;

/** A friendly page for every failure; the log gets the error type only, never the body. */
function webFormErrors(logger: Logger, page: PageRenderer): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const lang = pageLanguage(req);
    const bodyError = err as { type?: string; status?: number };
    if (bodyError.type === 'entity.too.large' || bodyError.type === 'parameters.too.many') {
      return page(res, 413, lang, FAILURE_TEXT[lang].title, renderFailureMain(lang, 'too-large'));
    }
    if (bodyError.status === 404) return page(res, 404, lang, FAILURE_TEXT[lang].title, renderFailureMain(lang, 'not-found'));
    logger.error({ err: err instanceof Error ? err : new Error('non-error thrown') }, 'web form request failed');
    page(res, 500, lang, FAILURE_TEXT[lang].title, renderFailureMain(lang, 'internal'));
  };
}
