/**
 * Small calendar-date helpers for the legal clocks and input checks. Dates are ISO
 * calendar dates (yyyy-mm-dd) as a Dutch office would read them: the legal terms count
 * calendar days in the Netherlands, so an instant is first turned into its date in
 * Europe/Amsterdam. Internal to shared/ (not re-exported); the working-day calendar
 * lives in calendar.ts.
 */
export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const amsterdamDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DUTCH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partsOf(isoDate: string): DateParts | undefined {
  const match = ISO_DATE_PATTERN.exec(isoDate);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function format({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function requireParts(isoDate: string): DateParts {
  const parts = partsOf(isoDate);
  if (!parts) throw new RangeError(`Not an ISO calendar date (yyyy-mm-dd): ${isoDate}`);
  return parts;
}

/** True for an existing calendar date written yyyy-mm-dd (2023-02-29 is false). */
export function isIsoCalendarDate(value: string): boolean {
  return partsOf(value) !== undefined;
}

/** The calendar date in the Netherlands at the given instant. */
export function dutchDateOf(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError('Not a valid instant');
  // en-CA formats as yyyy-mm-dd.
  return amsterdamDateFormat.format(date);
}

export function addCalendarDays(isoDate: string, days: number): string {
  const { year, month, day } = requireParts(isoDate);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/**
 * Adds whole months; a day that does not exist in the target month becomes that
 * month's last day (31 May + 3 months = 31 Aug; 30 Nov + 3 months = 28 or 29 Feb).
 */
export function addCalendarMonthsClamped(isoDate: string, months: number): string {
  const { year, month, day } = requireParts(isoDate);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}
