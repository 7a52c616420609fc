import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ChecklistService,
  ListChecklistHistory,
  StandardChecklistDerivations,
  historyFromVersions,
  listAll,
  newChecklistFields,
  requirement1aFromLists,
  type ChecklistHistoryLog,
  type OrganisationStore,
} from '@weerbaar/shared';
import { openSqliteOrganisationStore, type SqliteOrganisationStore } from '../src/stores/sqlite/index.js';

const CODE = '0147';

/**
 * The checklist service on the embedded organisation store, which keeps SharePoint's
 * limits: no atomicity across items, so the order of writes is what keeps it usable.
 */
describe('the checklist service on the SQLite organisation store', () => {
  let dir: string;
  let store: SqliteOrganisationStore;
  let live: boolean;
  const derivations = (organisation: OrganisationStore) =>
    new StandardChecklistDerivations({
      organisation,
      requirement1a: (code) => requirement1aFromLists(organisation, code, new Date('2027-01-10T10:00:00Z'), 'Europe/Amsterdam'),
      signalChannelLive: async () => live,
    });
  const service = (history: ChecklistHistoryLog = new ListChecklistHistory(store)) =>
    new ChecklistService({ organisation: store, history, derivations: derivations(store) });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-checklist-'));
    store = await openSqliteOrganisationStore({ file: path.join(dir, 'organisation.db') });
    live = true;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('agrees on one item per requirement when two readers created the missing ones at once', async () => {
    // A second reader's duplicate of 2a, made between the first reader's list and create.
    await store.create('checklist', newChecklistFields(CODE, '2a'), 'other-reader');
    await store.create('checklist', { ...newChecklistFields(CODE, '2a'), Status: 'voldaan' }, 'other-reader');
    const checklist = await service().read(CODE, true);
    expect(checklist.items).toHaveLength(20);
    expect(checklist.items.find((i) => i.requirementId === '2a')?.recordedStatus).toBe('onbekend');
    expect((await listAll(store, 'checklist', { filter: { MunicipalityCode: CODE } })).length).toBe(21);
    expect((await service().read(CODE, true)).items.find((i) => i.requirementId === '2a')?.etag).toBe(
      checklist.items.find((i) => i.requirementId === '2a')?.etag,
    );
  });

  it('writes the history line only after the item changed: a crash in between loses a line, never invents one', async () => {
    const failingHistory: ChecklistHistoryLog = {
      record: async () => {
        throw new Error('process died before the history line');
      },
      entriesOf: (item) => new ListChecklistHistory(store).entriesOf(item),
    };
    const item = (await service().read(CODE, true)).items.find((i) => i.requirementId === '4a')!;
    await expect(service(failingHistory).update(CODE, '4a', item.etag, { status: 'voldaan' }, 'mt@borne.example')).rejects.toThrow(/history line/);
    // The change itself stands, the list stays usable, and no line claims anything.
    expect((await service().read(CODE, true)).items.find((i) => i.requirementId === '4a')?.status).toBe('voldaan');
    expect((await service().history(CODE, '4a')).entries).toEqual([]);
  });

  it('writes no history line when the item update fails (stale eTag)', async () => {
    const item = (await service().read(CODE, true)).items.find((i) => i.requirementId === '4b')!;
    await service().update(CODE, '4b', item.etag, { status: 'deels' }, 'a@borne.example');
    await expect(service().update(CODE, '4b', item.etag, { status: 'voldaan' }, 'b@borne.example')).rejects.toMatchObject({ code: 'precondition-failed' });
    const entries = (await service().history(CODE, '4b')).entries;
    expect(entries.map((e) => e.changedBy)).toEqual(['a@borne.example']);
  });

  it('writes nothing for a change that changes nothing', async () => {
    const item = (await service().read(CODE, true)).items.find((i) => i.requirementId === '5a')!;
    const same = await service().update(CODE, '5a', item.etag, { status: 'onbekend', evidence: [] }, 'a@borne.example');
    expect(same.etag).toBe(item.etag);
    expect((await service().history(CODE, '5a')).entries).toEqual([]);
  });

  it('derives 2b as not met while the signal channel is not live, and 1a as unknown without departments', async () => {
    live = false;
    const items = (await service().read(CODE, false)).items;
    expect(items.find((i) => i.requirementId === '2b')).toMatchObject({ status: 'niet-voldaan', derived: { source: 'signal-channel-live' } });
    expect(items.find((i) => i.requirementId === '1a')).toMatchObject({ status: 'onbekend', derived: { source: 'agenda-registrations' } });
    expect(items.find((i) => i.requirementId === '1c')).toMatchObject({ status: 'niet-voldaan' });
  });

  it('uses the effective statuses (derived unless overridden) for a self-scan', async () => {
    const svc = service();
    const item = (await svc.read(CODE, true)).items.find((i) => i.requirementId === '2b')!;
    await svc.update(CODE, '2b', item.etag, { status: 'deels', derivedOverride: true, overrideReason: 'De meldbot is nog niet bekend bij iedereen.' }, 'a@borne.example');
    const statuses = await svc.currentStatuses(CODE);
    expect(statuses['2b']).toBe('deels');
    expect(statuses['1c']).toBe('niet-voldaan');
    expect(statuses['3a']).toBe('onbekend');
  });
});

describe('the history from SharePoint version history', () => {
  it('compares each version with the one before, names the person in the editor column, newest first', () => {
    const base = { ...newChecklistFields(CODE, '3d') };
    const entries = historyFromVersions([
      { modifiedAt: '2027-01-05T09:00:00Z', modifiedBy: 'SharePoint App', fields: { ...base, Status: 'deels', WT_EditorUpn: 'mt@borne.example' } },
      { modifiedAt: '2027-01-01T09:00:00Z', modifiedBy: 'SharePoint App', fields: base },
      { modifiedAt: '2027-01-07T09:00:00Z', modifiedBy: 'Esther Bos', fields: { ...base, Status: 'deels', Owner: 'Esther' } },
    ]);
    expect(entries).toEqual([
      { changedAt: '2027-01-07T09:00:00Z', changedBy: 'Esther Bos', changes: [{ field: 'owner', from: null, to: 'Esther' }] },
      { changedAt: '2027-01-05T09:00:00Z', changedBy: 'mt@borne.example', changes: [{ field: 'status', from: 'onbekend', to: 'deels' }] },
    ]);
  });
});
