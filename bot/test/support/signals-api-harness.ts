import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ActivityHandler } from 'botbuilder';
import {
  retentionTerms,
  type Clock,
  type Person,
  type ReporterChannel,
  type RoleId,
  type Signal,
} from '@weerbaar/shared';
import { LocalTokenService, type TokenVerifier } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config/config.js';
import { SeededDirectory } from '../../src/directory/seeded-directory.js';
import { createInstanceApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logging.js';
import { seedOrganisation } from '../../src/seed/seed-organisation.js';
import { openSqliteOrganisationStore, openSqliteServiceStore, type SqliteServiceStore } from '../../src/stores/sqlite/index.js';
import { createCloudAdapter } from '../../src/teams/adapter.js';
import { TurnTracker } from '../../src/turn-tracker.js';
import { makeSignal } from '../helpers/store-fixtures.js';
import { seed, tenantOf } from './instance-harness.js';

/** Records what the signals API asked of the reporter channel (the bot implements the real one). */
export class RecordingReporterChannel implements ReporterChannel {
  readonly acknowledged: string[] = [];
  readonly messages: { signalId: string; messageId: string }[] = [];
  async notifyAcknowledged(signalId: string): Promise<void> {
    this.acknowledged.push(signalId);
  }
  async deliverMessage(signalId: string, messageId: string): Promise<void> {
    this.messages.push({ signalId, messageId });
  }
}

/** A clock the test moves; tokens and the API both read it. */
export class TestClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
}

export interface SignalsApiHarness {
  baseUrl: string;
  store: SqliteServiceStore;
  folder: string;
  masterKey: Buffer;
  clock: TestClock;
  channel: RecordingReporterChannel;
  /** A local token for a seeded person (as /dev/login would issue). */
  tokenFor(person: Person): Promise<string>;
  /** Stores a signal of `code` (fresh id and reference) and returns it. */
  addSignal(code: string, overrides?: Partial<Signal>): Promise<Signal>;
  close(): Promise<void>;
}

/**
 * The instance's real HTTP app (createInstanceApp, authenticate, the signals API) over
 * real SQLite stores on an ephemeral port, with the store in the test's hands so each
 * case can seed the signals it needs. Only the bot is a bare ActivityHandler.
 */
export async function startSignalsApi(options: {
  codes: string[];
  now?: Date;
  verifier?: (defaults: { instanceId: string; tenantId: string }) => TokenVerifier;
  env?: Record<string, string>;
}): Promise<SignalsApiHarness> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-signals-api-'));
  const code = options.codes[0]!;
  const config = loadConfig({
    MODE: 'local',
    TENANT_ID: tenantOf(code),
    MUNICIPALITY_CODES: options.codes.join(','),
    DATA_DIR: folder,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const logger = createLogger({ level: 'silent', instanceId: config.instanceId });
  const clock = new TestClock(options.now ?? new Date());
  const masterKey = randomBytes(32);
  const store = await openSqliteServiceStore({ file: path.join(folder, 'service.db'), masterKey, now: () => clock.now() });
  const organisation = await openSqliteOrganisationStore({ file: path.join(folder, 'organisation.db') });
  await seedOrganisation(organisation, config.municipalityCodes, seed.people, clock.now());
  const directory = new SeededDirectory(seed.people, organisation);
  const tokens = new LocalTokenService(masterKey, config.instanceId, config.tenantId!, () => clock.now());
  const verifier = options.verifier?.({ instanceId: config.instanceId, tenantId: config.tenantId! }) ?? tokens;
  const channel = new RecordingReporterChannel();
  const app = createInstanceApp({
    config,
    logger,
    clock,
    organisation,
    directory,
    verifier,
    adapter: createCloudAdapter(config, logger),
    bot: new ActivityHandler(),
    turns: new TurnTracker(),
    signalsApi: {
      store,
      ids: { newId: () => randomUUID() },
      reporterChannel: channel,
      retention: retentionTerms(config.retention.defaultMonths, config.retention.perMunicipality),
    },
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const prefixes = new Map(seed.municipalities.map((m) => [m.code, m.referencePrefix]));
  let counter = 0;
  return {
    baseUrl,
    store,
    folder,
    masterKey,
    clock,
    channel,
    tokenFor: (person) => tokens.issue({ objectId: person.objectId, upn: person.upn }),
    async addSignal(signalCode, overrides = {}) {
      counter += 1;
      const signal = makeSignal({
        municipalityCode: signalCode,
        reference: `${prefixes.get(signalCode) ?? 'TST'}-2026-${String(counter).padStart(4, '0')}`,
        receivedAt: new Date(clock.now().getTime() - 2 * 86_400_000).toISOString(),
        version: 1,
        ...overrides,
      });
      await store.signals.create(signal, `test:${signal.id}`);
      return signal;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await store.close();
      await organisation.close?.();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The seeded person of `code` who holds `role` (the first one); employees hold no other role. */
export function seededPerson(code: string, role: RoleId): Person | undefined {
  return seed.people.find((person) =>
    person.municipalityCode === code && (role === 'employee' ? person.roles.length === 1 && person.roles[0] === 'employee' : person.roles.includes(role)),
  );
}
