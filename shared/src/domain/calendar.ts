import { ValidationError } from './errors.js';
import {
  NETHERLANDS_TIME_ZONE,
  addCalendarDays,
  assertLocalDate,
  isoWeekday,
  localDateOf,
  minutesOfDay,
  toLocalDate,
  zonedDateTimeToInstant,
  type LocalDate,
  type WallTime,
} from './local-date.js';

export * from './local-date.js';

/**
 * The working-day calendar of a municipality: Dutch public holidays, weekends, and the
 * days off (or extra working days) its collective agreement or its own choices add.
 * Follow-up clocks and nudges count in working days and must not reach people at night
 * or on a day off.
 */

export interface DutchHolidayOptions {
  /**
   * Goede Vrijdag is a recognised holiday but a day off only under some collective
   * agreements; many do not give it, hence default false.
   */
  goodFridayIsDayOff?: boolean;
  /**
   * Bevrijdingsdag (5 May) is commonly a day off only in lustrum years (year divisible
   * by 5); some agreements give it every year.
   */
  liberationDay?: 'lustrum-years' | 'every-year';
}

export interface PublicHoliday {
  date: LocalDate;
  nameNl: string;
  nameEn: string;
}

/** Easter Sunday of a Gregorian year: the anonymous (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < 1583) throw new ValidationError('Jaar buiten de gregoriaanse kalender', 'year');
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDateOf(year, month, day);
}

/**
 * The Dutch public holidays of `year` that are days off, sorted by date. Koningsdag follows
 * the rule in force since 2014: 27 April, or Saturday 26 April when the 27th is a Sunday.
 */
export function dutchPublicHolidays(year: number, options: DutchHolidayOptions = {}): PublicHoliday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => addCalendarDays(easter, days);
  const kingsDay = localDateOf(year, 4, 27);
  const holidays: PublicHoliday[] = [
    { date: localDateOf(year, 1, 1), nameNl: 'Nieuwjaarsdag', nameEn: "New Year's Day" },
    { date: easter, nameNl: 'Eerste Paasdag', nameEn: 'Easter Sunday' },
    { date: fromEaster(1), nameNl: 'Tweede Paasdag', nameEn: 'Easter Monday' },
    {
      date: isoWeekday(kingsDay) === 7 ? localDateOf(year, 4, 26) : kingsDay,
      nameNl: 'Koningsdag',
      nameEn: "King's Day",
    },
    { date: fromEaster(39), nameNl: 'Hemelvaartsdag', nameEn: 'Ascension Day' },
    { date: fromEaster(49), nameNl: 'Eerste Pinksterdag', nameEn: 'Whit Sunday' },
    { date: fromEaster(50), nameNl: 'Tweede Pinksterdag', nameEn: 'Whit Monday' },
    { date: localDateOf(year, 12, 25), nameNl: 'Eerste Kerstdag', nameEn: 'Christmas Day' },
    { date: localDateOf(year, 12, 26), nameNl: 'Tweede Kerstdag', nameEn: 'Boxing Day' },
  ];
  if (options.goodFridayIsDayOff === true) {
    holidays.push({ date: fromEaster(-2), nameNl: 'Goede Vrijdag', nameEn: 'Good Friday' });
  }
  if (options.liberationDay === 'every-year' || year % 5 === 0) {
    holidays.push({ date: localDateOf(year, 5, 5), nameNl: 'Bevrijdingsdag', nameEn: 'Liberation Day' });
  }
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}

export interface WorkingDayCalendarConfig {
  /** IANA zone the municipality works in; default Europe/Amsterdam. */
  timeZone?: string;
  holidays?: DutchHolidayOptions;
  /** Extra days off, e.g. bridge days or collective closing days ('yyyy-mm-dd'). */
  extraDaysOff?: readonly LocalDate[];
  /** Days that are working days whatever else says so (a Saturday opening, a holiday worked). */
  extraWorkingDays?: readonly LocalDate[];
}

/** Local hours within which messages may be sent: from `start` (inclusive) to `end` (exclusive). */
export interface SendWindow {
  start: WallTime;
  end: WallTime;
}

export const DEFAULT_SEND_WINDOW: SendWindow = { start: '08:00', end: '18:00' };

export interface WorkingDayCalendar {
  readonly timeZone: string;
  isWorkingDay(date: LocalDate): boolean;
  isDayOff(date: LocalDate): boolean;
  /** The public holiday (as configured) on `date`, for telling people why a day is off. */
  holidayOn(date: LocalDate): PublicHoliday | undefined;
  /** The date `n` (≥ 0) working days after `date`; `date` itself is not counted. */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  /** Working days in (a, b]: so workingDaysBetween(a, addWorkingDays(a, n)) === n. Negative when b < a. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
  /** `date` itself when it is a working day, else the first working day after it. */
  nextWorkingDay(date: LocalDate): LocalDate;
  /** The first instant at or after `instant` on a working day within the send window, local time. */
  nextSendMoment(instant: Date, window?: SendWindow): Date;
}

/** Guards against a configuration that has no working day for years (e.g. every day off). */
const MAX_DAYS_WITHOUT_WORK = 366;

export function createWorkingDayCalendar(config: WorkingDayCalendarConfig = {}): WorkingDayCalendar {
  const timeZone = config.timeZone ?? NETHERLANDS_TIME_ZONE;
  // Validate the zone now rather than at the first send: Intl throws RangeError on unknown zones.
  toLocalDate(new Date(0), timeZone);
  const extraDaysOff = new Set((config.extraDaysOff ?? []).map((date) => assertLocalDate(date, 'extraDaysOff')));
  const extraWorkingDays = new Set(
    (config.extraWorkingDays ?? []).map((date) => assertLocalDate(date, 'extraWorkingDays')),
  );
  const holidaysByYear = new Map<number, Map<LocalDate, PublicHoliday>>();

  function holidayOn(date: LocalDate): PublicHoliday | undefined {
    const year = Number(assertLocalDate(date).slice(0, 4));
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Map(dutchPublicHolidays(year, config.holidays).map((holiday) => [holiday.date, holiday]));
      holidaysByYear.set(year, holidays);
    }
    return holidays.get(date);
  }

  function isWorkingDay(date: LocalDate): boolean {
    if (extraWorkingDays.has(date)) return true;
    if (isoWeekday(date) >= 6 || extraDaysOff.has(date)) return false;
    return holidayOn(date) === undefined;
  }

  function nextWorkingDay(date: LocalDate): LocalDate {
    let candidate = date;
    for (let step = 0; step <= MAX_DAYS_WITHOUT_WORK; step += 1) {
      if (isWorkingDay(candidate)) return candidate;
      candidate = addCalendarDays(candidate, 1);
    }
    throw new RangeError(`No working day within ${MAX_DAYS_WITHOUT_WORK} days of ${date}`);
  }

  function addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) throw new ValidationError('Aantal werkdagen moet 0 of meer zijn', 'n');
    let current = assertLocalDate(date);
    for (let counted = 0; counted < n; counted += 1) current = nextWorkingDay(addCalendarDays(current, 1));
    return current;
  }

  function workingDaysBetween(a: LocalDate, b: LocalDate): number {
    if (b < a) return -workingDaysBetween(b, a);
    let count = 0;
    for (let day = addCalendarDays(a, 1); day <= b; day = addCalendarDays(day, 1)) {
      if (isWorkingDay(day)) count += 1;
    }
    return count;
  }

  function nextSendMoment(instant: Date, window: SendWindow = DEFAULT_SEND_WINDOW): Date {
    if (minutesOfDay(window.start, 'start') >= minutesOfDay(window.end, 'end')) {
      throw new ValidationError('Het verzendvenster moet eindigen na het begin', 'end');
    }
    const today = toLocalDate(instant, timeZone);
    if (isWorkingDay(today)) {
      const opens = zonedDateTimeToInstant(today, window.start, timeZone);
      const closes = zonedDateTimeToInstant(today, window.end, timeZone);
      if (instant < opens) return opens;
      if (instant < closes) return new Date(instant.getTime());
    }
    return zonedDateTimeToInstant(nextWorkingDay(addCalendarDays(today, 1)), window.start, timeZone);
  }

  return {
    timeZone,
    isWorkingDay,
    isDayOff: (date) => !isWorkingDay(date),
    holidayOn,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay,
    nextSendMoment,
  };
}
