import express, { type Response, type Router } from 'express';
import { INPUT_LIMITS, type Clock, type Language, type ReceiptCodes, type Signal, type SignalRepository } from '@weerbaar/shared';
import type { Logger } from '../../logging.js';
import type { FixedWindowLimiter } from './fixed-window-limiter.js';
import { newSubmissionId } from './form-submission.js';
import { pageLanguage } from './language.js';
import { renderLimitNotice } from './result-pages.js';
import { renderStatusLookupMain, renderStatusMain, type ReplyState, type ReporterMessage, type StatusView } from './status-page.js';
import { STATUS_TEXT } from './texts-status.js';
import { problemText } from './texts-form.js';

/** The reporter's side of a signal's timeline, as the status page needs it. */
export interface ReporterTimeline {
  /** Messages to and from the reporter, oldest first. */
  messages(signalId: string): Promise<ReporterMessage[]>;
  /** Stores an answer from the reporter; the same `idempotencyKey` stores it once. */
  addReporterMessage(signal: Signal, text: string, at: Date, idempotencyKey: string): Promise<void>;
}

export const REPLY_MAX_LENGTH = INPUT_LIMITS.description.max;

interface StatusRouteDeps {
  clock: Clock;
  logger: Logger;
  receiptCodes: Pick<ReceiptCodes, 'verify'>;
  signals: Pick<SignalRepository, 'get'>;
  timeline?: ReporterTimeline;
  limiter: FixedWindowLimiter;
  page: (res: Response, status: number, lang: Language, title: string, main: string, extra?: { hasErrors?: boolean; switchPath?: string }) => void;
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/**
 * `/melden/status`: the receipt code travels only in POST bodies, never in a URL, so it
 * lands in no history, log or referrer. Every check of a code, right or wrong, costs the
 * receipt-code port one slow hash, so timing tells nothing about which codes exist.
 */
export function statusRoutes(deps: StatusRouteDeps): Router {
  const router = express.Router();
  const body = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 10 });
  const title = (lang: Language) => STATUS_TEXT[lang].title;

  const lookupPage = (res: Response, status: number, lang: Language, state: { code?: string; error?: string; notice?: string } = {}) =>
    deps.page(res, status, lang, title(lang), renderStatusLookupMain(lang, state), { hasErrors: state.error !== undefined, switchPath: '/melden/status' });

  /** The signal behind a code, or undefined; only anonymous signals are ever shown here. */
  const signalFor = async (code: string): Promise<Signal | undefined> => {
    const signalId = await deps.receiptCodes.verify(code);
    const signal = signalId === undefined ? undefined : await deps.signals.get(signalId);
    return signal?.confidentiality === 'anonymous' ? signal : undefined;
  };

  const statusPage = async (res: Response, status: number, lang: Language, signal: Signal, code: string, reply: Partial<ReplyState>) => {
    const view: StatusView = {
      reference: signal.reference,
      status: signal.status,
      receivedAt: signal.receivedAt,
      messages: deps.timeline ? await deps.timeline.messages(signal.id) : null,
    };
    const state: ReplyState = { replyId: newSubmissionId(), maxLength: REPLY_MAX_LENGTH, ...reply };
    deps.page(res, status, lang, title(lang), renderStatusMain(lang, view, code, state), { hasErrors: state.error !== undefined });
  };

  router.get('/', (req, res) => lookupPage(res, 200, pageLanguage(req)));

  router.post('/', body, async (req, res) => {
    const lang = pageLanguage(req);
    const code = field(req.body, 'code');
    if (!deps.limiter.take('status')) return lookupPage(res, 429, lang, { code, notice: renderLimitNotice(lang, true) });
    if (code.trim() === '') return lookupPage(res, 400, lang, { code, error: STATUS_TEXT[lang].emptyCode });
    const signal = await signalFor(code.trim());
    if (!signal) return lookupPage(res, 400, lang, { code, error: STATUS_TEXT[lang].notFound });
    await statusPage(res, 200, lang, signal, code.trim(), {});
  });

  router.post('/antwoord', body, async (req, res) => {
    const lang = pageLanguage(req);
    const code = field(req.body, 'code').trim();
    const text = field(req.body, 'reply');
    const replyId = field(req.body, 'replyId');
    if (!deps.limiter.take('status')) return lookupPage(res, 429, lang, { notice: renderLimitNotice(lang, true) });
    const signal = code === '' ? undefined : await signalFor(code);
    if (!signal) return lookupPage(res, 400, lang, { error: STATUS_TEXT[lang].notFound });
    if (!deps.timeline || signal.status === 'closed') return statusPage(res, 409, lang, signal, code, {});

    const error = replyProblem(text, replyId, lang);
    if (error !== undefined) return statusPage(res, 400, lang, signal, code, { error, text, replyId: /^[A-Za-z0-9_-]{8,100}$/.test(replyId) ? replyId : newSubmissionId() });
    await deps.timeline.addReporterMessage(signal, text.replace(/\r\n?/g, '\n').trim(), deps.clock.now(), `web-form-reply:${replyId}`);
    deps.logger.info({ municipalityCode: signal.municipalityCode }, 'web form reply stored');
    await statusPage(res, 200, lang, signal, code, { sent: true });
  });

  return router;
}

function field(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function replyProblem(text: string, replyId: string, lang: Language): string | undefined {
  const typed = text.replace(/\r\n?/g, '\n').trim();
  if (typed === '') return STATUS_TEXT[lang].replyEmpty;
  if (typed.length > REPLY_MAX_LENGTH) return problemText(lang, 'reply', 'tooLong', { max: REPLY_MAX_LENGTH, length: typed.length });
  if (CONTROL_CHARACTERS.test(typed)) return problemText(lang, 'reply', 'controlCharacters');
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(replyId)) return problemText(lang, 'submissionId', 'invalid');
  return undefined;
}
