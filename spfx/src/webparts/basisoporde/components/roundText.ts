import { ROUND_TYPE_LABELS, type Language, type RoundDto, type SubmissionDto } from '@weerbaar/shared';
import { format, formatDay, formatMoment } from '../../signaaldashboard/components/format';

export function roundPeriod(round: RoundDto, locale: string): string {
  return `${formatDay(round.periodStart, locale)} – ${formatDay(round.periodEnd, locale)}`;
}

export function roundType(round: RoundDto, language: Language): string {
  return ROUND_TYPE_LABELS[round.type][language];
}

export function roundState(round: RoundDto, strings: IBasisOpOrdeStrings): string {
  return round.status === 'open' ? strings.StateOpen : `${strings.StateClosed} (${formatMoment(round.closedAt ?? round.openedAt, strings.Locale)})`;
}

/** "3 voldaan, 5 deels, …" of one submission, or "not submitted". */
export function submissionSummary(submission: SubmissionDto | undefined, strings: IBasisOpOrdeStrings): string {
  if (!submission) return strings.NotSubmitted;
  const values = Object.values(submission.statuses);
  const count = (status: string): number => values.filter((value) => value === status).length;
  return `${format(strings.SubmittedOn, formatMoment(submission.submittedAt, strings.Locale))}: ${format(
    strings.SummaryCounts,
    count('voldaan'),
    count('deels'),
    count('niet-voldaan'),
    count('onbekend')
  )}`;
}

/** A file name that says what the report is: rapportage-borne-zelfscan-januari-2027.html */
export function reportFileName(municipality: string, round: RoundDto): string {
  const slug = (text: string): string =>
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `rapportage-${slug(municipality)}-${slug(round.title)}.html`;
}
