import { NETHERLANDS_TIME_ZONE, SIGNAL_STATUS_LABELS, type Language, type SignalStatus } from '@weerbaar/shared';
import { esc } from './page-layout.js';
import { withLang } from './language.js';
import { STATUS_EXPLANATION, STATUS_TEXT } from './texts-status.js';
import { FORM_TEXT } from './texts-form.js';

/** A message between the person handling the signal and the anonymous reporter. */
export interface ReporterMessage {
  at: string;
  from: 'handler' | 'reporter';
  text: string;
}

export interface StatusView {
  reference: string;
  status: SignalStatus;
  receivedAt: string;
  /** Null when this instance cannot show messages (no timeline). */
  messages: readonly ReporterMessage[] | null;
}

export interface ReplyState {
  sent?: boolean;
  error?: string;
  /** What the reporter typed, given back after an error. */
  text?: string;
  /** Nonce of the reply form: a double POST stores one message. */
  replyId: string;
  maxLength: number;
}

/** The code entry form; after a failed lookup it comes back with the typed code and a neutral error. */
export function renderStatusLookupMain(lang: Language, state: { code?: string; error?: string; notice?: string } = {}): string {
  const t = STATUS_TEXT[lang];
  const errorSummary = state.error
    ? `<div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title" autofocus>
<h2 id="error-summary-title">${esc(FORM_TEXT[lang].errorSummaryTitle)}</h2>
<ul><li><a href="#code">${esc(state.error)}</a></li></ul></div>`
    : '';
  const describedBy = state.error ? ' aria-describedby="code-hint code-error" aria-invalid="true"' : ' aria-describedby="code-hint"';
  return `<h1>${esc(t.title)}</h1>
${state.notice ?? ''}
${errorSummary}
<p>${esc(t.intro)}</p>
<form method="post" action="${esc(withLang('/melden/status', lang))}" novalidate>
<div class="${state.error ? 'field field-with-error' : 'field'}">
<label for="code">${esc(t.codeLabel)}</label>
<p class="hint" id="code-hint">${esc(t.codeHint)}</p>
${state.error ? `<p class="field-error" id="code-error"><span class="visually-hidden">${esc(FORM_TEXT[lang].errorPrefix)} </span>${esc(state.error)}</p>` : ''}
<input type="text" id="code" name="code" class="input-code" value="${esc(state.code ?? '')}" autocomplete="off" autocapitalize="characters" spellcheck="false"${describedBy}>
</div>
<button type="submit" class="button">${esc(t.show)}</button>
</form>`;
}

/** Status, messages and the reply form of one signal, for the holder of its receipt code. */
export function renderStatusMain(lang: Language, view: StatusView, code: string, reply: ReplyState): string {
  const t = STATUS_TEXT[lang];
  const sentNotice = reply.sent ? `<p class="notice notice-success" role="status">${esc(t.sent)}</p>` : '';
  return `<h1>${esc(t.title)}</h1>
${sentNotice}
${reply.error ? replyErrorSummary(lang, reply.error) : ''}
<dl class="receipt">
<dt>${esc(t.reference)}</dt><dd class="reference">${esc(view.reference)}</dd>
<dt>${esc(t.receivedOn)}</dt><dd>${timeElement(view.receivedAt, lang)}</dd>
<dt>${esc(t.status)}</dt><dd class="status-label">${esc(SIGNAL_STATUS_LABELS[view.status][lang])}</dd>
</dl>
<p>${esc(STATUS_EXPLANATION[view.status][lang])}</p>
${view.messages === null ? `<p>${esc(t.unavailable)}</p>` : messagesSection(lang, view.messages)}
${view.messages === null ? '' : view.status === 'closed' ? `<p>${esc(t.closedNoReply)}</p>` : replyForm(lang, code, reply)}
<p>${esc(t.done)}</p>`;
}

function messagesSection(lang: Language, messages: readonly ReporterMessage[]): string {
  const t = STATUS_TEXT[lang];
  const items = messages.map(
    (m) => `<li class="message message-${m.from}">
<p class="message-meta"><strong>${esc(m.from === 'handler' ? t.fromHandler : t.fromYou)}</strong>, ${timeElement(m.at, lang)}</p>
<p class="message-text">${esc(m.text)}</p>
</li>`,
  );
  return `<section aria-labelledby="messages-title">
<h2 id="messages-title">${esc(t.messagesTitle)}</h2>
${items.length === 0 ? `<p>${esc(t.noMessages)}</p>` : `<ol class="messages">${items.join('\n')}</ol>`}
</section>`;
}

function replyErrorSummary(lang: Language, error: string): string {
  return `<div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title" autofocus>
<h2 id="error-summary-title">${esc(FORM_TEXT[lang].errorSummaryTitle)}</h2>
<ul><li><a href="#reply">${esc(error)}</a></li></ul></div>`;
}

function replyForm(lang: Language, code: string, reply: ReplyState): string {
  const t = STATUS_TEXT[lang];
  const describedBy = reply.error ? 'reply-hint reply-error' : 'reply-hint';
  return `<form method="post" action="${esc(withLang('/melden/status/antwoord', lang))}" novalidate>
<input type="hidden" name="code" value="${esc(code)}">
<input type="hidden" name="replyId" value="${esc(reply.replyId)}">
<div class="${reply.error ? 'field field-with-error' : 'field'}">
<label for="reply">${esc(t.replyLabel)}</label>
<p class="hint" id="reply-hint">${esc(t.replyHint)}</p>
${reply.error ? `<p class="field-error" id="reply-error"><span class="visually-hidden">${esc(FORM_TEXT[lang].errorPrefix)} </span>${esc(reply.error)}</p>` : ''}
<textarea id="reply" name="reply" rows="5" data-max="${reply.maxLength}" aria-describedby="${describedBy}"${reply.error ? ' aria-invalid="true"' : ''}>
${esc(reply.text ?? '')}</textarea>
</div>
<button type="submit" class="button">${esc(t.send)}</button>
</form>`;
}

function timeElement(iso: string, lang: Language): string {
  const format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: NETHERLANDS_TIME_ZONE });
  return `<time datetime="${esc(iso)}">${esc(format.format(new Date(iso)))}</time>`;
}
