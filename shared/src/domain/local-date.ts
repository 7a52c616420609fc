import { ValidationError } from './errors.js';

/**
 * Plain calendar dates and wall-clock times, and their relation to instants in a time
 * zone. Deadlines in this domain are calendar dates in the Netherlands ("due on 12 May"),
 * not instants, so they are kept as 'yyyy-mm-dd' strings: they compare correctly as
 * strings, serialise as-is to SharePoint and JSON, and cannot drift by a zone offset.
 * Re-exported through calendar.ts.
 */

/** A calendar date without time or zone: 'yyyy-mm-dd'. */
export type LocalDate = string;
/** A wall-clock time of day: 'HH:mm' (24-hour). */
export type WallTime = string;

export const NETHERLANDS_TIME_ZONE = 'Europe/Amsterdam';

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

interface WallClock extends DateParts {
  hour: number;
  minute: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Years below 1000 are out of scope, and Date.UTC would read 0..99 as 1900..1999.
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function partsOf(date: LocalDate, field = 'date'): DateParts {
  if (!isLocalDate(date)) throw new ValidationError('Ongeldige datum; verwacht jjjj-mm-dd', field);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Checks a date and returns it, naming `field` in the error when it is not a real 'yyyy-mm-dd' date. */
export function assertLocalDate(date: string, field = 'date'): LocalDate {
  partsOf(date, field);
  return date;
}

export function localDateOf(year: number, month: number, day: number): LocalDate {
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return assertLocalDate(date);
}

function toEpochDay(date: LocalDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): LocalDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return localDateOf(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** The date `days` calendar days after `date` (negative: before). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new ValidationError('Aantal dagen moet een geheel getal zijn', 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * The same day `months` months later, clamped to the last day of a shorter month:
 * 31 Jan + 1 month = 28 (or 29) Feb, 29 Feb 2024 + 12 months = 28 Feb 2025.
 * Clamping (rather than overflowing into March) keeps a yearly deadline inside its month.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new ValidationError('Aantal maanden moet een geheel getal zijn', 'months');
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return localDateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // Epoch day 0 (1970-01-01) was a Thursday (ISO 4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

function parseWallTime(time: WallTime, field = 'time'): { hour: number; minute: number } {
  const match = WALL_TIME_PATTERN.exec(time);
  if (!match) throw new ValidationError('Ongeldige tijd; verwacht uu:mm', field);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Minutes since midnight of a 'HH:mm' time; for comparing wall times. */
export function minutesOfDay(time: WallTime, field = 'time'): number {
  const { hour, minute } = parseWallTime(time, field);
  return hour * 60 + minute;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockAt(instant: Date, timeZone: string): WallClock {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute } = values;
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
    throw new RangeError(`Time zone ${timeZone} gave no complete date`);
  }
  // Some engines still render midnight as 24 despite hourCycle h23.
  return { year, month, day, hour: hour === 24 ? 0 : hour, minute };
}

/** The calendar date an instant falls on in `timeZone` (default: the Netherlands). */
export function toLocalDate(instant: Date, timeZone = NETHERLANDS_TIME_ZONE): LocalDate {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return localDateOf(year, month, day);
}

/** The wall-clock time ('HH:mm') of an instant in `timeZone`. */
export function toWallTime(instant: Date, timeZone = NETHERLANDS_TIME_ZONE): WallTime {
  const { hour, minute } = wallClockAt(instant, timeZone);
  return `${pad(hour, 2)}:${pad(minute, 2)}`;
}

/** UTC offset of `timeZone` at `instant`, in milliseconds (Amsterdam: +1h in winter, +2h in summer). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockAt(new Date(instant), timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return wallAsUtc - (instant - (((instant % 60_000) + 60_000) % 60_000));
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`. Offsets are looked
 * up with Intl, so daylight saving time is handled: the offsets a day before and a day after
 * are the only candidates. A time that occurs twice (the October fall-back hour) maps to
 * its first occurrence; a time that does not exist (the March spring-forward hour) maps to
 * the moment the clock jumps past it, shifted forward by the gap, like Temporal's
 * "compatible" rule.
 */
export function zonedDateTimeToInstant(date: LocalDate, time: WallTime, timeZone = NETHERLANDS_TIME_ZONE): Date {
  const { year, month, day } = partsOf(date);
  const { hour, minute } = parseWallTime(time);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = new Set([offsetAt(wallAsUtc - MS_PER_DAY, timeZone), offsetAt(wallAsUtc + MS_PER_DAY, timeZone)]);
  const candidates = [...offsets].map((offset) => wallAsUtc - offset).sort((a, b) => a - b);
  const matching = candidates.filter((candidate) => {
    const wall = wallClockAt(new Date(candidate), timeZone);
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) === wallAsUtc;
  });
  const chosen = matching[0] ?? candidates[candidates.length - 1];
  if (chosen === undefined) throw new RangeError(`No instant for ${date} ${time} in ${timeZone}`);
  return new Date(chosen);
}

/** The calendar date in the Netherlands at an instant (legal terms count Dutch calendar days). */
export function dutchDateOf(instant: Date | string): LocalDate {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError('Not a valid instant');
  return toLocalDate(date);
}
