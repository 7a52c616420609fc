import { afterEach, describe, expect, it } from 'vitest';
import { actorFromPerson, addCalendarDays, createWorkingDayCalendar, toLocalDate, toWallTime, type Person } from '@weerbaar/shared';
import { agendaWorld, at, hengeloPerson, type AgendaWorld } from './support/agenda-world.js';

/**
 * The yearly agenda cycle through the real service: SQLite stores, the seeded directory,
 * the scheduled job and the outbox, with a fake clock walked day by day at 09:30.
 */
const calendar = createWorkingDayCalendar();
const henk = hengeloPerson('Henk Stegeman');
const karin = hengeloPerson('Karin Groot Wassink');
const ilse = hengeloPerson('Ilse Leferink');
const olga = hengeloPerson('Olga Hofstede');
const joost = hengeloPerson('Joost Smit');
const gerda = hengeloPerson('Gerda Kamphuis');
const mtContact = hengeloPerson('Marieke Nijhuis');

let world: AgendaWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function walk(w: AgendaWorld, from: string, to: string): Promise<void> {
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) await w.runAt(at(day, '09:30'));
}

/** What a person received: the cycle step of each card and the local day it arrived. */
function received(w: AgendaWorld, person: Person): { step: string; day: string; time: string; kind: string }[] {
  return w.transport.to(person).map(({ message, at: sentAt }) => {
    const data = ((message.card?.['actions'] as { card?: { actions?: { data?: { windowKey?: string } }[] }; data?: { windowKey?: string } }[]) ?? [])
      .map((a) => a.data?.windowKey ?? a.card?.actions?.[0]?.data?.windowKey)
      .find((k) => k !== undefined);
    return { step: (data ?? '').slice(11), day: toLocalDate(sentAt), time: toWallTime(sentAt), kind: message.kind };
  });
}

describe('the agenda cycle with a fake clock', () => {
  it('nudges 6 and 2 weeks before, on the due day, weekly three times, then tells the MT contact; never on a day off', async () => {
    world = await agendaWorld({ start: at('2026-03-01') });
    const id = await world.addDepartment('Vergunningen', henk, karin, '2020-01-06');
    await world.discussed(id, '2025-04-27');
    await walk(world, '2026-03-01', '2026-06-30');

    // Due 27 April 2026 is Koningsdag and the escalation day is Tweede Pinksterdag: both move to the next working day.
    expect(received(world, henk).map(({ step, day }) => ({ step, day }))).toEqual([
      { step: 'before-42', day: '2026-03-16' },
      { step: 'before-14', day: '2026-04-13' },
      { step: 'due', day: '2026-04-28' },
      { step: 'after-7', day: '2026-05-04' },
      { step: 'after-14', day: '2026-05-11' },
      { step: 'after-21', day: '2026-05-18' },
    ]);
    expect(received(world, mtContact).filter((r) => r.kind === 'agenda.escalation').map(({ step, day }) => ({ step, day }))).toEqual([
      { step: 'escalation', day: '2026-05-26' },
    ]);
    expect(received(world, karin)).toEqual([]);
    for (const message of world.transport.sent) {
      expect(calendar.isWorkingDay(toLocalDate(message.at))).toBe(true);
      expect(toWallTime(message.at) >= '08:00' && toWallTime(message.at) < '18:00').toBe(true);
    }
    // The ledger planned the holiday ones for 08:00 on the next working day.
    const ledger = await world.store.agenda.nudges('0164');
    const due = ledger.find((n) => n.windowKey === '2026-04-27:due');
    expect(due && { day: toLocalDate(new Date(due.notBefore)), time: toWallTime(new Date(due.notBefore)) }).toEqual({ day: '2026-04-28', time: '08:00' });

    // The web part's view counts the nudges of the cycle and shows the department late.
    const overview = await world.agenda.service.overview(actorFromPerson(mtContact), world.clock.now());
    expect(overview.departments).toEqual([
      expect.objectContaining({ name: 'Vergunningen', dueDate: '2026-04-27', state: 'te-laat', nudgesSent: 7, lastDiscussedOn: '2025-04-27' }),
    ]);
  });

  it('counts a leap day discussion to 28 February of the next year', async () => {
    world = await agendaWorld({ start: at('2025-02-28') });
    const discussed = await world.addDepartment('Vergunningen', henk, karin, '2020-01-06');
    await world.discussed(discussed, '2024-02-29');
    const added = await world.addDepartment('Sociaal Domein', ilse, olga, '2024-02-29T10:00:00.000Z');
    await walk(world, '2025-02-28', '2025-03-03');
    expect(received(world, henk).map(({ step, day }) => ({ step, day }))).toEqual([{ step: 'due', day: '2025-02-28' }]);
    expect(received(world, ilse).map(({ step, day }) => ({ step, day }))).toEqual([{ step: 'due', day: '2025-02-28' }]);
    const ledger = await world.store.agenda.nudges('0164');
    expect(new Set(ledger.filter((n) => [discussed, added].includes(n.departmentId)).map((n) => n.windowKey))).toEqual(new Set(['2025-02-28:due']));
  });

  it('an absent head gets the nudge when back; the deputy (or the MT contact) when the window closes first', async () => {
    world = await agendaWorld({ start: at('2026-02-16') });
    const back = await world.addDepartment('Vergunningen', henk, karin, '2020-01-06');
    const away = await world.addDepartment('Sociaal Domein', ilse, olga, '2020-01-06');
    const noDeputy = await world.addDepartment('Financiën', joost, null, '2020-01-06');
    for (const id of [back, away, noDeputy]) await world.discussed(id, '2025-04-07');
    await world.absent(henk, '2026-02-20', '2026-03-06');
    await world.absent(ilse, '2026-02-20', '2026-03-31');
    await world.absent(joost, '2026-02-20', '2026-03-31');
    // Due 7 April 2026: the first window opens 24 February and closes 24 March.
    await walk(world, '2026-02-16', '2026-04-03');

    expect(received(world, henk).map(({ step, day, time }) => ({ step, day, time }))).toEqual([
      { step: 'before-42', day: '2026-03-09', time: '09:30' },
      { step: 'before-14', day: '2026-03-24', time: '09:30' },
    ]);
    const ledger = await world.store.agenda.nudges('0164');
    const henkFirst = ledger.find((n) => n.departmentId === back && n.windowKey.endsWith('before-42'));
    expect(toWallTime(new Date(henkFirst?.notBefore ?? 0))).toBe('08:00'); // the Monday he is back, from the start of the day
    expect(received(world, olga).map(({ step, day }) => ({ step, day }))).toEqual([{ step: 'before-42', day: '2026-02-24' }]);
    expect(received(world, ilse).map(({ step, day }) => ({ step, day }))).toEqual([{ step: 'before-14', day: '2026-04-01' }]);
    expect(received(world, mtContact).map(({ step, day }) => ({ step, day }))).toEqual([{ step: 'before-42', day: '2026-02-24' }]);
    expect(received(world, joost).map(({ step, day }) => ({ step, day }))).toEqual([{ step: 'before-14', day: '2026-04-01' }]);
  });

  it('a department added mid-year is first nudged six weeks before its first anniversary', async () => {
    world = await agendaWorld({ start: at('2026-06-15') });
    await world.addDepartment('Projectbureau Stadsoevers', gerda, null, at('2026-06-15', '11:00').toISOString());
    await walk(world, '2026-06-15', '2027-05-07');
    expect(received(world, gerda).map(({ step, day }) => ({ step, day }))).toEqual([{ step: 'before-42', day: '2027-05-04' }]);
  });

  it('a meeting planned through the card stops the reminders until that day has passed', async () => {
    world = await agendaWorld({ start: at('2026-03-16') });
    const id = await world.addDepartment('Vergunningen', henk, karin, '2020-01-06');
    await world.discussed(id, '2025-04-27');
    await world.runAt(at('2026-03-16'));
    const [nudge] = world.transport.to(henk);
    expect(nudge?.message.kind).toBe('agenda.nudge');
    const answer = await world.agenda.actions.perform(henk, {
      action: 'agenda.gepland',
      departmentId: id,
      windowKey: '2026-04-27:before-42',
      nonce: '2026-04-27:before-42:gepland',
      plannedOn: '2026-05-06',
    });
    expect(answer).toMatchObject({ card: { status: { kind: 'gepland', date: '2026-05-06' } } });
    await walk(world, '2026-03-17', '2026-05-12');
    // Not at 2 weeks before nor on the due day; once the planned day has passed unrecorded, the reminders resume.
    expect(received(world, henk).map(({ step, day }) => ({ step, day }))).toEqual([
      { step: 'before-42', day: '2026-03-16' },
      { step: 'after-7', day: '2026-05-07' },
      { step: 'after-14', day: '2026-05-11' },
    ]);
  });

  it('"remind me later" comes back a week later, unless the department discussed it meanwhile', async () => {
    world = await agendaWorld({ start: at('2026-03-16') });
    const later = await world.addDepartment('Vergunningen', henk, null, '2020-01-06');
    const done = await world.addDepartment('Sociaal Domein', ilse, null, '2020-01-06');
    for (const id of [later, done]) await world.discussed(id, '2025-04-27');
    await world.runAt(at('2026-03-16'));
    world.clock.set(at('2026-03-16', '10:00'));
    for (const [who, id] of [[henk, later], [ilse, done]] as const) {
      const answer = await world.agenda.actions.perform(who, {
        action: 'agenda.later',
        departmentId: id,
        windowKey: '2026-04-27:before-42',
        nonce: '2026-04-27:before-42:later',
      });
      expect(answer).toMatchObject({ card: { status: { kind: 'later', remindOn: '2026-03-23' } } });
    }
    world.clock.set(at('2026-03-18', '11:00'));
    await world.agenda.actions.perform(ilse, {
      action: 'agenda.besproken',
      departmentId: done,
      windowKey: '2026-04-27:before-42',
      nonce: '2026-04-27:before-42:besproken',
      discussedOn: '2026-03-18',
      attendees: '8',
    });
    await walk(world, '2026-03-17', '2026-03-31');
    expect(received(world, henk).map(({ step, day, kind }) => ({ step, day, kind }))).toEqual([
      { step: 'before-42', day: '2026-03-16', kind: 'agenda.nudge' },
      { step: 'before-42', day: '2026-03-24', kind: 'agenda.reminder' },
    ]);
    expect(received(world, ilse).map(({ kind }) => kind)).toEqual(['agenda.nudge']);
  });
});
