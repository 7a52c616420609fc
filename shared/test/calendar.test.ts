import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  createWorkingDayCalendar,
  dutchPublicHolidays,
  easterSunday,
  toLocalDate,
  toWallTime,
  zonedDateTimeToInstant,
} from '../src/domain/calendar.js';
import { ValidationError } from '../src/domain/errors.js';

// Known dates, taken from published Dutch holiday calendars, not computed.
const KNOWN = [
  { year: 2024, easter: '2024-03-31', goodFriday: '2024-03-29', kingsDay: '2024-04-27', ascension: '2024-05-09', whitSunday: '2024-05-19', whitMonday: '2024-05-20' },
  { year: 2025, easter: '2025-04-20', goodFriday: '2025-04-18', kingsDay: '2025-04-26', ascension: '2025-05-29', whitSunday: '2025-06-08', whitMonday: '2025-06-09' },
  { year: 2026, easter: '2026-04-05', goodFriday: '2026-04-03', kingsDay: '2026-04-27', ascension: '2026-05-14', whitSunday: '2026-05-24', whitMonday: '2026-05-25' },
  { year: 2027, easter: '2027-03-28', goodFriday: '2027-03-26', kingsDay: '2027-04-27', ascension: '2027-05-06', whitSunday: '2027-05-16', whitMonday: '2027-05-17' },
  { year: 2028, easter: '2028-04-16', goodFriday: '2028-04-14', kingsDay: '2028-04-27', ascension: '2028-05-25', whitSunday: '2028-06-04', whitMonday: '2028-06-05' },
  { year: 2029, easter: '2029-04-01', goodFriday: '2029-03-30', kingsDay: '2029-04-27', ascension: '2029-05-10', whitSunday: '2029-05-20', whitMonday: '2029-05-21' },
  { year: 2030, easter: '2030-04-21', goodFriday: '2030-04-19', kingsDay: '2030-04-27', ascension: '2030-05-30', whitSunday: '2030-06-09', whitMonday: '2030-06-10' },
] as const;

const EASTER_MONDAY: Record<number, string> = {
  2024: '2024-04-01', 2025: '2025-04-21', 2026: '2026-04-06', 2027: '2027-03-29',
  2028: '2028-04-17', 2029: '2029-04-02', 2030: '2030-04-22',
};

function holidayMap(year: number, options?: Parameters<typeof dutchPublicHolidays>[1]): Map<string, string> {
  return new Map(dutchPublicHolidays(year, options).map((holiday) => [holiday.nameNl, holiday.date]));
}

describe('Dutch public holidays 2024-2030', () => {
  it.each(KNOWN)('$year: Easter, Koningsdag, Hemelvaart and Pinksteren fall on the known dates', (known) => {
    const holidays = holidayMap(known.year);
    expect(easterSunday(known.year)).toBe(known.easter);
    expect(holidays.get('Nieuwjaarsdag')).toBe(`${known.year}-01-01`);
    expect(holidays.get('Eerste Paasdag')).toBe(known.easter);
    expect(holidays.get('Tweede Paasdag')).toBe(EASTER_MONDAY[known.year]);
    expect(holidays.get('Koningsdag')).toBe(known.kingsDay);
    expect(holidays.get('Hemelvaartsdag')).toBe(known.ascension);
    expect(holidays.get('Eerste Pinksterdag')).toBe(known.whitSunday);
    expect(holidays.get('Tweede Pinksterdag')).toBe(known.whitMonday);
    expect(holidays.get('Eerste Kerstdag')).toBe(`${known.year}-12-25`);
    expect(holidays.get('Tweede Kerstdag')).toBe(`${known.year}-12-26`);
  });

  it.each(KNOWN)('$year: Goede Vrijdag is a day off only when configured', (known) => {
    expect(holidayMap(known.year).has('Goede Vrijdag')).toBe(false);
    expect(holidayMap(known.year, { goodFridayIsDayOff: true }).get('Goede Vrijdag')).toBe(known.goodFriday);
  });

  it.each(KNOWN)('$year: Bevrijdingsdag by default only in lustrum years, or every year when configured', ({ year }) => {
    const lustrum = year === 2025 || year === 2030;
    expect(holidayMap(year).get('Bevrijdingsdag')).toBe(lustrum ? `${year}-05-05` : undefined);
    expect(holidayMap(year, { liberationDay: 'every-year' }).get('Bevrijdingsdag')).toBe(`${year}-05-05`);
  });

  it('moves Koningsdag to Saturday 26 April when 27 April is a Sunday (2025, 2031)', () => {
    expect(holidayMap(2025).get('Koningsdag')).toBe('2025-04-26');
    expect(holidayMap(2031).get('Koningsdag')).toBe('2031-04-26');
  });

  it('gives every holiday a Dutch and an English name, sorted by date', () => {
    const holidays = dutchPublicHolidays(2025, { goodFridayIsDayOff: true });
    expect(holidays.map((holiday) => holiday.date)).toEqual([...holidays.map((holiday) => holiday.date)].sort());
    expect(holidays.find((holiday) => holiday.nameNl === 'Hemelvaartsdag')?.nameEn).toBe('Ascension Day');
    expect(holidays).toHaveLength(11); // nine every year, plus Goede Vrijdag and Bevrijdingsdag 2025
  });

  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s (including the extremes of its range)', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-08-31', 1, '2025-09-30'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-03-29', 2, '2025-03-31'],
  ])('addCalendarDays(%s, %i) = %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it('refuses dates that do not exist', () => {
    expect(() => addMonths('2025-02-29', 1)).toThrow(ValidationError);
    expect(() => addCalendarDays('2025-13-01', 1)).toThrow(ValidationError);
  });
});

describe('working days', () => {
  const calendar = createWorkingDayCalendar();

  it.each([
    ['2025-04-17', 1, '2025-04-18'], // Thursday before Easter; Goede Vrijdag is worked by default
    ['2025-04-17', 2, '2025-04-22'], // skips the weekend and Tweede Paasdag
    ['2025-12-24', 1, '2025-12-29'], // skips both Christmas days and the weekend
    ['2025-12-24', 4, '2026-01-02'], // skips Nieuwjaarsdag
    ['2025-12-25', 0, '2025-12-25'], // n = 0 is the date itself
    ['2026-05-13', 1, '2026-05-15'], // Hemelvaart on Thursday 14 May
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('counts working days between two dates as the inverse of addWorkingDays', () => {
    expect(calendar.workingDaysBetween('2025-12-24', '2026-01-02')).toBe(4);
    expect(calendar.workingDaysBetween('2026-01-02', '2025-12-24')).toBe(-4);
    expect(calendar.workingDaysBetween('2025-04-17', calendar.addWorkingDays('2025-04-17', 10))).toBe(10);
    expect(calendar.workingDaysBetween('2025-06-02', '2025-06-02')).toBe(0);
  });

  it('treats Goede Vrijdag as a day off when the agreement gives it', () => {
    const withGoodFriday = createWorkingDayCalendar({ holidays: { goodFridayIsDayOff: true } });
    expect(withGoodFriday.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(withGoodFriday.holidayOn('2025-04-18')?.nameNl).toBe('Goede Vrijdag');
  });

  it('knows weekends, holidays and the next working day', () => {
    expect(calendar.isDayOff('2025-05-05')).toBe(true); // Bevrijdingsdag 2025 (lustrum)
    expect(calendar.isWorkingDay('2026-05-05')).toBe(true);
    expect(calendar.isDayOff('2025-06-07')).toBe(true); // Saturday
    expect(calendar.nextWorkingDay('2025-06-07')).toBe('2025-06-10'); // Pinkstermaandag 9 June
    expect(calendar.nextWorkingDay('2025-06-10')).toBe('2025-06-10');
  });

  it('adds a municipality’s own days off and lets extra working days override', () => {
    const withBridgeDay = createWorkingDayCalendar({
      extraDaysOff: ['2026-05-15'],
      extraWorkingDays: ['2026-03-07', '2026-12-24'],
    });
    expect(withBridgeDay.isDayOff('2026-05-15')).toBe(true);
    expect(withBridgeDay.addWorkingDays('2026-05-13', 1)).toBe('2026-05-18');
    expect(withBridgeDay.isWorkingDay('2026-03-07')).toBe(true); // a Saturday opening
    expect(withBridgeDay.nextWorkingDay('2026-03-07')).toBe('2026-03-07');
  });

  it('refuses a negative count and malformed extra days off', () => {
    expect(() => calendar.addWorkingDays('2025-06-02', -1)).toThrow(ValidationError);
    expect(() => createWorkingDayCalendar({ extraDaysOff: ['15-05-2026'] })).toThrow(ValidationError);
  });
});

describe('time zone and send moments (Europe/Amsterdam)', () => {
  const calendar = createWorkingDayCalendar();

  it('reads the Dutch date of an instant, not the UTC date', () => {
    expect(toLocalDate(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
    expect(toLocalDate(new Date('2025-06-30T22:30:00Z'), 'UTC')).toBe('2025-06-30');
    expect(toLocalDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it.each([
    ['2025-03-30', '02:30', '2025-03-30T01:30:00.000Z'], // does not exist: shifted to 03:30 summer time
    ['2025-03-30', '08:00', '2025-03-30T06:00:00.000Z'],
    ['2025-10-26', '02:30', '2025-10-26T00:30:00.000Z'], // occurs twice: the first occurrence
    ['2025-10-26', '08:00', '2025-10-26T07:00:00.000Z'],
    ['2025-01-15', '00:00', '2025-01-14T23:00:00.000Z'],
  ])('wall time %s %s in Amsterdam is %s', (date, time, expected) => {
    expect(zonedDateTimeToInstant(date, time).toISOString()).toBe(expected);
  });

  it.each([
    ['inside working hours: now', '2025-06-03T10:00:00Z', '2025-06-03T10:00:00.000Z'],
    ['before 08:00 in winter time', '2025-03-27T06:00:00Z', '2025-03-27T07:00:00.000Z'],
    ['exactly 08:00 local', '2025-03-28T07:00:00Z', '2025-03-28T07:00:00.000Z'],
    ['18:00 is already closed', '2025-06-03T16:00:00Z', '2025-06-04T06:00:00.000Z'],
    ['Friday evening before spring-forward: Monday 08:00 summer time', '2025-03-28T17:30:00Z', '2025-03-31T06:00:00.000Z'],
    ['Saturday of the spring-forward weekend', '2025-03-29T12:00:00Z', '2025-03-31T06:00:00.000Z'],
    ['Friday evening before fall-back: Monday 08:00 winter time', '2025-10-24T16:30:00Z', '2025-10-27T07:00:00.000Z'],
    ['Sunday night of the fall-back', '2025-10-26T01:30:00Z', '2025-10-27T07:00:00.000Z'],
    ['Christmas: the Monday after', '2025-12-25T09:00:00Z', '2025-12-29T07:00:00.000Z'],
    ['night before Tweede Paasdag: Tuesday', '2025-04-20T22:00:00Z', '2025-04-22T06:00:00.000Z'],
  ])('%s', (_label, instant, expected) => {
    const moment = calendar.nextSendMoment(new Date(instant));
    expect(moment.toISOString()).toBe(expected);
    expect(calendar.isWorkingDay(toLocalDate(moment))).toBe(true);
  });

  it('honours a custom send window', () => {
    const moment = calendar.nextSendMoment(new Date('2025-06-03T05:00:00Z'), { start: '09:30', end: '16:00' });
    expect(toWallTime(moment)).toBe('09:30');
    expect(() => calendar.nextSendMoment(new Date(), { start: '18:00', end: '08:00' })).toThrow(ValidationError);
  });
});
