import {
  CATEGORIES,
  CONFIDENTIALITY_LABELS,
  CONFIDENTIALITY_MODES,
  addCalendarDays,
  dutchDateOf,
  isLocalDate,
  localDateOf,
  type CategoryId,
  type Confidentiality,
} from '@weerbaar/shared';
import { checkField, type FieldProblem } from './field-problems.js';
import type { IntakeDraft, IntakeStep } from './intake-state.js';

/** The result of one typed answer: the draft with the answer in it, or what is wrong with it. */
export type AnswerResult =
  | { ok: true; draft: IntakeDraft }
  | { ok: false; problem: FieldProblem }
  | { ok: false; notUnderstood: true };

const SKIP = new Set(['nee', 'n', 'geen', 'niemand', 'niets', 'overslaan', 'sla over', 'weet ik niet', '-', 'no', 'none', 'skip', 'nobody', 'nothing', "don't know", 'n/a']);
const YES = new Set(['ja', 'j', 'jazeker', 'yes', 'y', 'true', 'klopt']);
const NO = new Set(['nee', 'n', 'no', 'false', 'niet']);
const SEND = new Set(['versturen', 'verstuur', 'verzenden', 'verzend', 'ja', 'ok', 'oké', 'send', 'yes', 'submit']);

function words(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
}

export function parseCategory(text: string): CategoryId | undefined {
  const answer = words(text);
  const number = Number(answer);
  if (Number.isInteger(number) && number >= 1 && number <= CATEGORIES.length) return CATEGORIES[number - 1]?.id;
  const match = CATEGORIES.find(
    (c) => c.id === answer || c.label.nl.toLowerCase() === answer || c.label.en.toLowerCase() === answer,
  );
  if (match) return match.id;
  const prefix = answer.length >= 4 ? CATEGORIES.filter((c) => c.label.nl.toLowerCase().startsWith(answer) || c.label.en.toLowerCase().startsWith(answer)) : [];
  return prefix.length === 1 ? prefix[0]?.id : undefined;
}

export function parseConfidentiality(text: string): Confidentiality | undefined {
  const answer = words(text);
  const number = Number(answer);
  if (Number.isInteger(number) && number >= 1 && number <= CONFIDENTIALITY_MODES.length) return CONFIDENTIALITY_MODES[number - 1];
  const aliases: Record<Confidentiality, string[]> = {
    named: ['named', 'met naam', 'naam', 'with my name', 'name'],
    confidential: ['confidential', 'vertrouwelijk'],
    anonymous: ['anonymous', 'anoniem'],
  };
  return CONFIDENTIALITY_MODES.find(
    (mode) => aliases[mode].includes(answer) || CONFIDENTIALITY_LABELS[mode].label.nl.toLowerCase() === answer,
  );
}

/** A date the way people type it (2026-03-02, 2-3-2026, 02/03/2026, vandaag, gisteren), or undefined. */
export function parseDate(text: string, now: Date): string | undefined {
  const answer = words(text);
  const today = dutchDateOf(now);
  if (answer === 'vandaag' || answer === 'today') return today;
  if (answer === 'gisteren' || answer === 'yesterday') return addCalendarDays(today, -1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(answer)) return isLocalDate(answer) ? answer : undefined;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(answer);
  if (!dutch) return undefined;
  const [, day, month, year] = dutch;
  try {
    const date = localDateOf(Number(year), Number(month), Number(day));
    return isLocalDate(date) ? date : undefined;
  } catch {
    return undefined;
  }
}

function looksLikeDate(text: string): boolean {
  return /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(text.trim());
}

/** Applies the reporter's typed answer to the question `step`. */
export function applyAnswer(step: IntakeStep, text: string, draft: IntakeDraft, now: Date): AnswerResult {
  switch (step) {
    case 'category': {
      const category = parseCategory(text);
      return category ? { ok: true, draft: { ...draft, category } } : { ok: false, notUnderstood: true };
    }
    case 'description':
    case 'location': {
      const checked = checkField(step, text);
      return checked.ok ? { ok: true, draft: { ...draft, [step]: checked.value as string } } : { ok: false, problem: checked.problem };
    }
    case 'when': {
      const date = parseDate(text, now);
      if (date !== undefined) {
        if (date > dutchDateOf(now)) return { ok: false, problem: { field: 'occurredOn', kind: 'future-date' } };
        const { period: _period, ...rest } = draft;
        return { ok: true, draft: { ...rest, occurredOn: date } };
      }
      if (looksLikeDate(text)) return { ok: false, problem: { field: 'occurredOn', kind: 'not-a-date' } };
      const checked = checkField('period', text);
      if (!checked.ok) return { ok: false, problem: checked.problem };
      const { occurredOn: _occurredOn, ...rest } = draft;
      return { ok: true, draft: { ...rest, period: checked.value as string } };
    }
    case 'involved':
    case 'noticedHow': {
      if (SKIP.has(words(text))) {
        const skipped = [...new Set([...(draft.skipped ?? []), step])];
        const { [step]: _dropped, ...rest } = draft;
        return { ok: true, draft: { ...rest, skipped } };
      }
      const checked = checkField(step, text);
      return checked.ok ? { ok: true, draft: { ...draft, [step]: checked.value as string } } : { ok: false, problem: checked.problem };
    }
    case 'concernsMtContact': {
      const answer = words(text);
      if (YES.has(answer)) return { ok: true, draft: { ...draft, concernsMtContact: true } };
      if (NO.has(answer)) return { ok: true, draft: { ...draft, concernsMtContact: false } };
      return { ok: false, notUnderstood: true };
    }
    case 'confidentiality': {
      const confidentiality = parseConfidentiality(text);
      return confidentiality ? { ok: true, draft: { ...draft, confidentiality } } : { ok: false, notUnderstood: true };
    }
    case 'confirm':
      return { ok: false, notUnderstood: true };
  }
}

export function isSendWord(text: string): boolean {
  return SEND.has(words(text));
}
