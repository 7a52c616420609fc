import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HENGELO, cardOf, personOf, startBotFixture, submissionIdOf, texts, type BotFixture } from './helpers/signal-bot-fixture.js';
import { jpegWithExif, startFileServer, teamsFile, type FileServer } from './helpers/attachment-files.js';
import type { ServiceStore } from '@weerbaar/shared';
import { openPostgresServiceStore } from '../src/stores/postgres/index.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { filesContaining, makeSignal, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';
import { startTestPostgres } from './support/postgres.js';

describe('attachments go with the signal when it is shredded', () => {
  let fixture: BotFixture;
  let files: FileServer;
  beforeAll(async () => {
    fixture = await startBotFixture();
    files = await startFileServer();
  });
  afterAll(async () => {
    await fixture.close();
    await files.close();
    removeFolder(fixture.folder);
  });

  it('deletes the attachment rows and destroys their key with the signal', async () => {
    files.serve('foto.jpg', jpegWithExif('exif-shred', 'image-shred'));
    const chat = fixture.chat(personOf(HENGELO, 'employee', 0));
    const submissionId = submissionIdOf(cardOf(await chat.say('melden'))!);
    expect(texts(await chat.send({ type: 'message', attachments: [teamsFile('foto.jpg', files.url('foto.jpg'), 'jpg')] }))[0]).toMatch(/Bijlage ontvangen/);
    await chat.submitCard({
      action: 'signal.submit', submissionId, category: 'vastgoed', description: 'Een pand wisselt steeds van eigenaar, met contante betalingen.',
      location: 'Hengelo-Noord', occurredOn: '', period: 'sinds januari', concernsMtContact: 'false', confidentiality: 'named',
    });
    const { items } = await fixture.store.signals.list({ municipalityCodes: [HENGELO] });
    const signal = items.find((s) => s.content.period === 'sinds januari')!;
    const [attachment] = await fixture.store.attachments.list(signal.id);
    expect(attachment).toMatchObject({ name: 'foto.jpg', contentType: 'image/jpeg' });

    await fixture.store.signals.shred(signal.id, fixture.clock.now().toISOString());
    expect(await fixture.store.attachments.list(signal.id)).toEqual([]);
    expect(await fixture.store.attachments.get(signal.id, attachment!.id)).toBeUndefined();
    expect(filesContaining(fixture.folder, 'image-shred')).toEqual([]);
    // A late attempt to add files to the shredded signal is refused, not given a fresh key.
    await expect(fixture.store.attachments.addAll(signal.id, [{ name: 'x.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4') }], signal.receivedAt)).rejects.toThrow(/not found/);
  });
});

describe.each(['sqlite', 'postgres'] as const)('the attachment repository on %s', (dialect) => {
  let store: ServiceStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (dialect === 'sqlite') {
      const folder = makeTempFolder();
      store = await openSqliteServiceStore({ file: `${folder}/service.db`, masterKey: testMasterKey() });
      cleanup = async () => removeFolder(folder);
    } else {
      const server = await startTestPostgres();
      store = await openPostgresServiceStore({ connectionString: await server.createDatabase('attachments'), masterKey: testMasterKey(), poolSettings: { max: 2 } } as Parameters<
        typeof openPostgresServiceStore
      >[0]);
      cleanup = () => server.stop();
    }
  });
  afterAll(async () => {
    await store?.close();
    await cleanup?.();
  });

  it('stores sealed bytes once per position, reads them back exactly, and shreds them', async () => {
    const signal = makeSignal();
    await store.signals.create(signal, `attachments-${signal.id}`);
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80, 0x7f]);
    const files = [{ name: 'brief één.pdf', contentType: 'application/pdf', bytes }];
    const first = await store.attachments.addAll(signal.id, files, signal.receivedAt);
    const again = await store.attachments.addAll(signal.id, files, signal.receivedAt);
    expect(again).toEqual(first);
    expect(first).toEqual([{ id: expect.any(String), signalId: signal.id, name: 'brief één.pdf', contentType: 'application/pdf', size: 9, createdAt: signal.receivedAt }]);
    expect(Buffer.from((await store.attachments.get(signal.id, first[0]!.id))!.bytes).equals(bytes)).toBe(true);
    await store.signals.shred(signal.id, signal.receivedAt);
    expect(await store.attachments.list(signal.id)).toEqual([]);
  });
});
