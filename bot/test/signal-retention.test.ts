import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dutchDateOf, type InsightsDto, type Signal } from '@weerbaar/shared';
import { loadMasterKey } from '../src/crypto/master-key.js';
import { runRetention } from '../src/jobs/retention-job.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { makeSignal } from './helpers/store-fixtures.js';
import { api, personOf, startTestInstance } from './support/instance-harness.js';
import { seededPerson, startSignalsApi, type SignalsApiHarness } from './support/signals-api-harness.js';

const HENGELO = '0164';
const NOW = new Date('2026-11-20T10:00:00.000Z');
const TODAY = dutchDateOf(NOW);
const silent = { info: () => undefined, error: () => undefined };

function keyIds(keyFile: string): string[] {
  const keys = new BetterSqlite3(keyFile, { readonly: true });
  try {
    return keys.prepare('SELECT key_id FROM data_keys').pluck().all() as string[];
  } finally {
    keys.close();
  }
}

function closedSignal(overrides: Partial<Signal>): Partial<Signal> {
  return {
    status: 'closed',
    confidentiality: 'named',
    receivedAt: '2025-09-01T08:00:00.000Z',
    acknowledgedAt: '2025-09-02T08:00:00.000Z',
    closedAt: '2025-10-01T08:00:00.000Z',
    outcome: 'doorgezet',
    retentionUntil: '2026-10-01',
    ...overrides,
  };
}

describe('retention: the daily job shreds expired signals with everything attached', () => {
  let h: SignalsApiHarness;
  let mt: string;
  const insights = async () => (await api(h.baseUrl, '/api/insights', { token: mt })).body as unknown as InsightsDto;

  beforeAll(async () => {
    h = await startSignalsApi({ codes: [HENGELO], now: NOW });
    mt = await h.tokenFor(seededPerson(HENGELO, 'mt-contact')!);
  });
  afterAll(async () => h?.close());

  it('deletes the expired signal, its timeline and its key; a backup copy can no longer be read; the tombstone still counts', async () => {
    const expired = await h.addSignal(HENGELO, closedSignal({}));
    const at = NOW.toISOString();
    const entry = (kind: 'note' | 'message-from-reporter' | 'enrichment' | 'forward', extra: object) => ({
      id: randomUUID(), signalId: expired.id, at, kind, actor: kind === 'message-from-reporter' ? 'reporter' : seededPerson(HENGELO, 'mt-contact')!.objectId, ...extra,
    });
    await h.store.timeline.append([
      entry('note', { text: 'Intern: navragen bij Handhaving' }),
      entry('message-from-reporter', { text: 'Het was op dinsdagavond.' }),
      entry('enrichment', { enrichment: { type: 'kvk', number: '87654321' } }),
      entry('forward', { forward: { organisation: 'politie', forwardedOn: '2025-09-20', legalBasis: 'art. 6 lid 1 sub e AVG' } }),
    ]);
    // What else is kept about it: a receipt code's hash and the outbox copy of a message to the reporter.
    await h.store.receiptCodes.insert({ lookup: 'ABCD', signalId: expired.id, salt: new Uint8Array(16), hash: new Uint8Array(32), createdAt: at });
    const outboxMessage = (signalId: string) => ({
      idempotencyKey: `signal:${signalId}:reporter-message:${randomUUID()}:${randomUUID()}`,
      tenantId: 'tenant',
      municipalityCode: HENGELO,
      recipientObjectId: randomUUID(),
      conversationId: null,
      payload: { text: 'Weet je nog welke dag het was?', kind: 'reporter-message' },
      notBefore: at,
    });
    const expiredMessage = (await h.store.outbox.enqueue(outboxMessage(expired.id))).message;
    const extended = await h.addSignal(HENGELO, closedSignal({}));
    const open = await h.addSignal(HENGELO, { receivedAt: '2025-09-05T08:00:00.000Z' });
    const openMessage = (await h.store.outbox.enqueue(outboxMessage(open.id))).message;
    // The MT contact extends one signal's term (a running Bibob procedure): it stays.
    const extension = await api(h.baseUrl, `/api/signals/${extended.id}/actions`, {
      method: 'POST',
      token: mt,
      headers: { 'if-match': '"1"' },
      body: { type: 'extend-retention', until: addMonths(TODAY, 6), reason: 'Lopende Bibob-procedure tegen deze exploitant.' },
    });
    expect(extension.status).toBe(200);
    const before = await insights();
    expect(before.total).toBe(3);

    // A backup of the data file, taken before the job runs.
    await sql`PRAGMA main.wal_checkpoint(TRUNCATE)`.execute(h.store.database.db);
    const backup = path.join(h.folder, 'backup-service.db');
    copyFileSync(path.join(h.folder, 'service.db'), backup);

    const summary = await runRetention({ signals: h.store.signals, audit: h.store.audit, ids: { newId: randomUUID }, logger: silent }, NOW);
    expect(summary).toEqual({ shredded: 1, failed: 0 });

    expect(await h.store.signals.get(expired.id)).toBeUndefined();
    expect(await h.store.timeline.list(expired.id)).toEqual([]);
    const raw = new BetterSqlite3(path.join(h.folder, 'service.db'), { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM signal_timeline WHERE signal_id = ?').pluck().get(expired.id)).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM signals WHERE id = ?').pluck().get(expired.id)).toBe(0);
    raw.close();
    expect(keyIds(h.store.keyFile)).not.toContain(`signal:${expired.id}`);
    expect(await h.store.receiptCodes.find('ABCD')).toBeUndefined();
    expect(await h.store.outbox.get(expiredMessage.id)).toBeUndefined();
    expect(await h.store.outbox.get(openMessage.id)).toBeDefined();
    expect((await api(h.baseUrl, `/api/signals/${expired.id}`, { token: mt })).status).toBe(404);

    const [tombstone] = await h.store.signals.tombstones([HENGELO]);
    expect(tombstone).toMatchObject({ id: expired.id, reference: expired.reference, category: expired.category, outcome: 'doorgezet', deletedAt: at });
    const after = await insights();
    expect(after.total).toBe(before.total);
    expect(after.byCategory).toEqual(before.byCategory);
    expect(after.byStatus).toEqual(before.byStatus);
    expect(after.medianHoursToAcknowledge).toBe(before.medianHoursToAcknowledge);

    expect((await h.store.signals.get(extended.id))?.retentionUntil).toBe(addMonths(TODAY, 6));
    expect(await h.store.signals.get(open.id)).toBeDefined();
    const events = await h.store.audit.list({ municipalityCodes: [HENGELO], recordId: expired.id });
    expect(events).toContainEqual(expect.objectContaining({ action: 'signal.retention-deleted', actor: 'system' }));

    // Restore the backup beside the live key file: the row is there, but nothing opens.
    const restored = await openSqliteServiceStore({ file: backup, keyFile: h.store.keyFile, masterKey: h.masterKey });
    try {
      await expect(restored.signals.get(expired.id)).rejects.toThrow(/destroyed|does not exist/);
      await expect(restored.timeline.list(expired.id)).rejects.toThrow(/destroyed|does not exist/);
      // Signals whose keys live on are still readable from the same backup.
      expect((await restored.signals.get(open.id))?.content).toEqual(open.content);
    } finally {
      await restored.close();
    }
  });

  it('leaves nothing to do on a second run', async () => {
    const summary = await runRetention({ signals: h.store.signals, audit: h.store.audit, ids: { newId: randomUUID }, logger: silent }, NOW);
    expect(summary.shredded).toBe(0);
  });
});

describe('retention: registered on the instance scheduler', () => {
  it('runs daily: moving the clock past 02:30 shreds what expired', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-retention-'));
    try {
      const instanceDir = path.join(dataDir, `tenant-${HENGELO}`);
      mkdirSync(instanceDir, { recursive: true });
      const masterKey = loadMasterKey({ mode: 'local', env: {}, keyFile: path.join(instanceDir, 'master.key') });
      const store = await openSqliteServiceStore({ file: path.join(instanceDir, 'service.db'), masterKey });
      const yesterday = dutchDateOf(new Date(Date.now() - 2 * 86_400_000));
      const expired = makeSignal(closedSignal({ retentionUntil: yesterday }));
      const kept = makeSignal(closedSignal({ retentionUntil: addMonths(yesterday, 1) }));
      await store.signals.create(expired, 'seed-expired');
      await store.signals.create(kept, 'seed-kept');
      await store.close();

      const instance = await startTestInstance({ codes: [HENGELO], dataDir });
      try {
        let token = await instance.login(personOf(HENGELO, 'mt-contact').upn);
        expect((await api(instance.baseUrl, `/api/signals/${expired.id}`, { token })).status).toBe(200);
        const tomorrow = new Date(Date.now() + 86_400_000);
        const moved = await api(instance.baseUrl, '/dev/clock', { method: 'POST', body: { now: tomorrow.toISOString() } });
        expect(moved.status).toBe(200);
        // A local token lives 8 hours; the clock moved a day.
        token = await instance.login(personOf(HENGELO, 'mt-contact').upn);
        expect((await api(instance.baseUrl, `/api/signals/${expired.id}`, { token })).status).toBe(404);
        expect((await api(instance.baseUrl, `/api/signals/${kept.id}`, { token })).status).toBe(200);
        const figures = (await api(instance.baseUrl, '/api/insights', { token })).body as unknown as InsightsDto;
        expect(figures.total).toBe(2);
      } finally {
        await instance.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
