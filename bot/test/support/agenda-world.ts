import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  OutboxWorker,
  zonedDateTimeToInstant,
  type DeliveryOutcome,
  type MessageTransport,
  type OutgoingMessage,
  type Person,
} from '@weerbaar/shared';
import { composeAgenda } from '../../src/agenda/compose-agenda.js';
import { SeededDirectory } from '../../src/directory/seeded-directory.js';
import { createLogger } from '../../src/logging.js';
import { openSqliteOrganisationStore, openSqliteServiceStore, type SqliteServiceStore } from '../../src/stores/sqlite/index.js';
import type { SqliteOrganisationStore } from '../../src/stores/sqlite/index.js';
import { seed, tenantOf } from './instance-harness.js';

export const HENGELO = '0164';

/** A seeded Hengelo person by display name (the seed is fictional). */
export function hengeloPerson(displayName: string): Person {
  const person = seed.people.find((p) => p.displayName === displayName && p.municipalityCode === HENGELO);
  if (!person) throw new Error(`no ${displayName} in the seed`);
  return person;
}

export class FakeClock {
  constructor(private ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
  set(to: Date): void {
    this.ms = to.getTime();
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Amsterdam wall time as an instant: `at('2026-04-28', '09:30')`. */
export function at(date: string, time = '09:30'): Date {
  return zonedDateTimeToInstant(date, time, 'Europe/Amsterdam');
}

/** Records every message the outbox worker hands to Teams; answers with a new activity id. */
export class RecordingTransport implements MessageTransport {
  readonly sent: { recipientObjectId: string; message: OutgoingMessage; at: Date }[] = [];
  constructor(private readonly clock: FakeClock) {}
  async send(_tenantId: string, recipientObjectId: string, _conversationId: string | null, message: OutgoingMessage): Promise<DeliveryOutcome> {
    this.sent.push({ recipientObjectId, message, at: this.clock.now() });
    return { kind: 'sent', activityId: message.replaceActivityId ?? `activity-${this.sent.length}` };
  }
  to(person: Person): { message: OutgoingMessage; at: Date }[] {
    return this.sent.filter((s) => s.recipientObjectId === person.objectId);
  }
}

export interface AgendaWorld {
  clock: FakeClock;
  store: SqliteServiceStore;
  organisation: SqliteOrganisationStore;
  agenda: ReturnType<typeof composeAgenda>;
  transport: RecordingTransport;
  /** Runs the agenda job at the clock's time, then lets the outbox deliver what is due. */
  runAt(instant: Date): Promise<void>;
  deliver(): Promise<void>;
  addDepartment(name: string, head: Person | null, deputy: Person | null, addedOn: string): Promise<string>;
  discussed(departmentId: string, date: string): Promise<void>;
  absent(person: Person, from: string, to: string): Promise<void>;
  close(): Promise<void>;
}

/** Real SQLite stores in a temp folder, the seeded directory, a fake clock and a recording Teams. */
export async function agendaWorld(options: { start: Date; folder?: string; masterKey?: Uint8Array }): Promise<AgendaWorld> {
  const folder = options.folder ?? mkdtempSync(path.join(tmpdir(), 'weerbaar-agenda-'));
  const clock = new FakeClock(options.start.getTime());
  const store = await openSqliteServiceStore({ file: path.join(folder, 'service.db'), masterKey: options.masterKey ?? randomBytes(32), now: () => clock.now() });
  const organisation = await openSqliteOrganisationStore({ file: path.join(folder, 'organisation.db') });
  const directory = new SeededDirectory(seed.people, organisation);
  const logger = createLogger({ level: 'silent', instanceId: 'agenda-test' });
  const agenda = composeAgenda({
    config: { municipalityCodes: [HENGELO], publicBaseUrl: 'https://hengelo.test', tenantId: tenantOf(HENGELO) },
    store,
    organisation,
    directory,
    clock,
    municipalities: seed.municipalities,
    logger,
  });
  const transport = new RecordingTransport(clock);
  const worker = new OutboxWorker({
    outbox: store.outbox,
    transport,
    clock,
    workerId: 'agenda-test-worker',
    sleep: async (ms) => clock.advance(ms),
    onDelivered: agenda.onDelivered,
  });
  const deliver = async () => {
    while ((await worker.runOnce()).sent > 0) {
      /* until nothing due is left */
    }
  };
  return {
    clock,
    store,
    organisation,
    agenda,
    transport,
    deliver,
    async runAt(instant) {
      clock.set(instant);
      await agenda.job.run(instant);
      await deliver();
    },
    async addDepartment(name, head, deputy, addedOn) {
      const item = await organisation.create(
        'departments',
        { Title: name, MunicipalityCode: HENGELO, HeadUpn: head?.upn ?? null, DeputyHeadUpn: deputy?.upn ?? null, AddedOn: addedOn, Active: true },
        'test',
      );
      return item.id;
    },
    async discussed(departmentId, date) {
      await organisation.create(
        'agendaRegistrations',
        {
          Title: `Besproken op ${date}`,
          MunicipalityCode: HENGELO,
          DepartmentId: departmentId,
          Kind: 'besproken',
          Date: date,
          RecordedBy: 'test',
          Source: 'webonderdeel',
          SubmissionKey: `test:${departmentId}:${date}`,
        },
        'test',
      );
    },
    async absent(person, from, to) {
      await organisation.create('absences', { Title: 'Afwezig', MunicipalityCode: HENGELO, PersonUpn: person.upn, StartsOn: from, EndsOn: to }, 'test');
    },
    async close() {
      await organisation.close();
      await store.close();
      if (!options.folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
