import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyPseudonymKey } from '../src/crypto/data-key-maintenance.js';
import { openPostgresServiceStore } from '../src/stores/postgres/index.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import type { OpenedServiceStore } from '../src/stores/open-service-store.js';
import { makeSignal, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';
import { startTestPostgres, type TestPostgres } from './support/postgres.js';

type Keys = { masterKey: Uint8Array; previousMasterKeys?: Uint8Array[] };
interface Place {
  open(keys: Keys): Promise<OpenedServiceStore>;
  cleanup(): void;
}

let server: TestPostgres | undefined;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const places: { name: string; create(): Promise<Place> }[] = [
  {
    name: 'SQLite (key file)',
    async create() {
      const folder = makeTempFolder('weerbaar-rotation-');
      return { open: (keys) => openSqliteServiceStore({ file: `${folder}/service.db`, ...keys }), cleanup: () => removeFolder(folder) };
    },
  },
  {
    name: 'PostgreSQL (KEY_DATABASE_URL)',
    async create() {
      const [dataUrl, keyUrl] = [await server!.createDatabase('data'), await server!.createDatabase('keys')];
      return { open: (keys) => openPostgresServiceStore({ connectionString: dataUrl, keyDatabase: keyUrl, poolSettings: { max: 3 }, ...keys }), cleanup: () => undefined };
    },
  },
  {
    name: 'PostgreSQL (keys in their own schema)',
    async create() {
      const dataUrl = await server!.createDatabase('data');
      return { open: (keys) => openPostgresServiceStore({ connectionString: dataUrl, poolSettings: { max: 3 }, ...keys }), cleanup: () => undefined };
    },
  },
];

describe.each(places)('master-key rotation: $name', ({ create }) => {
  it('re-wraps every data key: signals, dialog state, conversations and pseudonyms read the same under the new key alone', async () => {
    const place = await create();
    const [oldKey, newKey] = [testMasterKey(), testMasterKey()];
    const kept = makeSignal();
    const shredded = makeSignal({ status: 'closed', closedAt: '2026-03-10T12:00:00.000Z' });
    let store = await place.open({ masterKey: oldKey });
    await store.signals.create(kept, 'activity-kept');
    await store.signals.create(shredded, 'activity-shredded');
    await store.signals.shred(shredded.id, '2026-03-11T09:00:00.000Z');
    await store.dialogState.write('dialog-of-jan', { step: 'beschrijving' }, undefined);
    await store.conversations.save('tenant-a', 'object-jan', { conversation: { id: 'a:1' } }, '2026-03-11T09:00:00.000Z');
    const pseudonymKey = await store.dataKeys.pseudonymKey('dialog-state');
    await store.close();

    // The rotation: the new key current, the old one accepted until the re-wrap has run.
    store = await place.open({ masterKey: newKey, previousMasterKeys: [oldKey] });
    expect(await store.dataKeys.pseudonymKey('dialog-state')).toEqual(pseudonymKey);
    const created = makeSignal();
    await store.signals.create(created, 'activity-during-rotation');
    const first = await store.dataKeys.rewrap({ batchSize: 2 });
    expect(first.unreadable).toBe(0);
    // Under the old key: kept's key, the dialog and conversation store keys, the dialog pseudonym key.
    // Under the new one already: created's key. The shredded signal's key is gone.
    expect(first).toEqual({ rewrapped: 4, alreadyCurrent: 1, unreadable: 0 });
    expect(await store.dataKeys.rewrap()).toEqual({ rewrapped: 0, alreadyCurrent: first.rewrapped + first.alreadyCurrent, unreadable: 0 });
    await store.close();

    store = await place.open({ masterKey: newKey });
    expect((await store.signals.get(kept.id))?.content.description).toBe(kept.content.description);
    expect((await store.signals.get(created.id))?.reporter?.upn).toBe(created.reporter?.upn);
    expect((await store.dialogState.read(['dialog-of-jan']))['dialog-of-jan']?.value).toEqual({ step: 'beschrijving' });
    expect(await store.conversations.get('tenant-a', 'object-jan')).toEqual({ conversation: { id: 'a:1' } });
    expect(await store.dataKeys.pseudonymKey('dialog-state')).toEqual(pseudonymKey);
    // A shredded signal stays shredded: the re-wrap counted no destroyed key and brought none back.
    expect(await store.signals.get(shredded.id)).toBeUndefined();
    await store.close();

    // The old key alone no longer opens the store.
    await expect(place.open({ masterKey: oldKey })).rejects.toThrow(/WEERBAAR_DATA_KEY_PREVIOUS/);
    place.cleanup();
  });

  it('keeps the pseudonyms of earlier versions, even when the upgrade and the rotation come together', async () => {
    const place = await create();
    const [oldKey, newKey] = [testMasterKey(), testMasterKey()];
    let store = await place.open({ masterKey: oldKey });
    await store.dialogState.write('dialog-of-jan', { step: 'categorie' }, undefined);
    await store.close();
    // Versions before the keyring derived pseudonym keys from the master key itself and stored none.
    store = await place.open({ masterKey: newKey, previousMasterKeys: [oldKey] });
    expect(await store.dataKeys.pseudonymKey('activity-conversations')).toEqual(legacyPseudonymKey(oldKey, 'activity-conversations'));
    await store.close();
    place.cleanup();
  });

  it('lets two processes re-wrap at once without losing a key', async () => {
    const place = await create();
    const [oldKey, newKey] = [testMasterKey(), testMasterKey()];
    const signals = Array.from({ length: 12 }, () => makeSignal());
    const seeding = await place.open({ masterKey: oldKey });
    for (const [index, signal] of signals.entries()) await seeding.signals.create(signal, `activity-${index}`);
    await seeding.close();

    const [a, b] = [await place.open({ masterKey: newKey, previousMasterKeys: [oldKey] }), await place.open({ masterKey: newKey, previousMasterKeys: [oldKey] })];
    const [ra, rb] = await Promise.all([a.dataKeys.rewrap({ batchSize: 3 }), b.dataKeys.rewrap({ batchSize: 3 })]);
    expect(ra.unreadable + rb.unreadable).toBe(0);
    expect(ra.rewrapped + rb.rewrapped).toBe(12);
    await Promise.all([a.close(), b.close()]);

    const after = await place.open({ masterKey: newKey });
    for (const signal of signals) expect((await after.signals.get(signal.id))?.id).toBe(signal.id);
    await after.close();
    place.cleanup();
  });
});
