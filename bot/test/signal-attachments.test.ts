import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exeWith, jpegWithExif, pdfWith, pngWithText, startFileServer, teamsFile, type FileServer } from './helpers/attachment-files.js';
import { startFakeChannel, teamsActivity, type CapturedActivity, type FakeChannel } from './support/fake-channel.js';
import { api, personOf, startTestInstance, tenantOf, type TestInstance } from './support/instance-harness.js';
import { TeamsUser, cardSubmit, postActivity, submissionIdIn } from './support/teams-user.js';

const HENGELO = '0164';
/** Every file under `folder` (databases, WAL, keys) that holds `needle` in the clear. */
function filesContaining(folder: string, needle: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file).includes(needle));
}
const marker = () => `kanarie-${randomBytes(8).toString('hex')}`;

describe('photos and documents with a signal, over HTTP as the Teams channel', () => {
  let instance: TestInstance;
  let channel: FakeChannel;
  let files: FileServer;
  let mtToken: string;

  beforeAll(async () => {
    channel = await startFakeChannel();
    files = await startFileServer();
    instance = await startTestInstance({ codes: [HENGELO] });
    mtToken = await instance.login(personOf(HENGELO, 'mt-contact').upn);
  });
  afterAll(async () => {
    await instance?.close();
    await channel?.close();
    await files?.close();
  });

  /** Posts an activity with attachments (TeamsUser.send carries none) and returns the replies. */
  async function send(reporter: TeamsUser, message: { text?: string; value?: unknown; attachments?: unknown[] }, replies = 1): Promise<CapturedActivity[]> {
    const before = reporter.received().length;
    const activity = teamsActivity({ serviceUrl: channel.url, tenantId: tenantOf(HENGELO), objectId: reporter.person.objectId, name: reporter.person.displayName, text: message.text, value: message.value });
    expect(await postActivity(instance, { ...activity, attachments: message.attachments })).toBeLessThan(300);
    return (await reporter.waitFor((all) => all.length >= before + replies)).slice(before);
  }
  const textsOf = (activities: CapturedActivity[]) => activities.map((a) => a.body.text ?? '').join('\n');

  function attachmentRows(): number {
    const db = new BetterSqlite3(path.join(instance.dataDir, 'tenant-0164', 'service.db'), { readonly: true });
    try {
      return Number(db.prepare('SELECT count(*) FROM signal_attachments').pluck().get());
    } finally {
      db.close();
    }
  }

  async function detailOf(reference: string) {
    const list = await api(instance.baseUrl, '/api/signals', { token: mtToken });
    const summary = (list.body['items'] as { id: string; reference: string }[]).find((item) => item.reference === reference);
    if (!summary) throw new Error(`signal ${reference} not listed`);
    const detail = await api(instance.baseUrl, `/api/signals/${summary.id}`, { token: mtToken });
    return { id: summary.id, attachments: detail.body['attachments'] as { id: string; name: string; contentType: string; size: number }[] };
  }

  async function download(signalId: string, attachmentId: string) {
    const res = await fetch(`${instance.baseUrl}/api/signals/${signalId}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${mtToken}` } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  const referenceIn = (activities: CapturedActivity[]) => /kenmerk \*\*(HGL-\d{4}-\d{4})\*\*/.exec(textsOf(activities))?.[1];

  it('keeps a JPEG of a named report without its EXIF, XMP and comments, sealed, and lets the MT contact download it', async () => {
    const exifMarker = marker();
    const imageMarker = marker();
    files.serve('foto.jpg', jpegWithExif(exifMarker, imageMarker));
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 0), HENGELO);
    const submissionId = submissionIdIn(await send(reporter, { text: 'melden' }, 2));
    expect(textsOf(await send(reporter, { attachments: [teamsFile('foto.jpg', files.url('foto.jpg'), 'jpg')] }))).toMatch(/Bijlage ontvangen/);
    const done = await send(reporter, { value: cardSubmit(submissionId) }, 2);
    expect(textsOf(done)).toMatch(/bijlage is versleuteld bij je melding bewaard/);

    const { id, attachments } = await detailOf(referenceIn(done)!);
    expect(attachments).toEqual([{ id: expect.any(String), name: 'foto.jpg', contentType: 'image/jpeg', size: expect.any(Number) }]);
    const { res, bytes } = await download(id, attachments[0]!.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="foto\.jpg"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(bytes.includes(exifMarker)).toBe(false);
    expect(bytes.includes('Exif')).toBe(false);
    expect(bytes.includes(imageMarker)).toBe(true);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(bytes.length).toBe(attachments[0]!.size);

    // Sealed: neither the image data nor the name lies in the database files in the clear.
    expect(filesContaining(instance.dataDir, imageMarker)).toEqual([]);
    expect(filesContaining(instance.dataDir, exifMarker)).toEqual([]);

    const audit = await api(instance.baseUrl, `/api/audit?recordId=${id}`, { token: await instance.login(personOf(HENGELO, 'privacy-officer').upn) });
    expect(audit.status).toBe(200);
    expect((audit.body['items'] as { action: string }[]).map((event) => event.action)).toContain('signal.attachment.read');
  });

  it('takes a PNG (text and time chunks stripped) and a PDF sent together with the card', async () => {
    const textMarker = marker();
    const pdfMarker = marker();
    files.serve('plattegrond.png', pngWithText(textMarker));
    files.serve('brief.pdf', pdfWith(pdfMarker));
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 1), HENGELO);
    const submissionId = submissionIdIn(await send(reporter, { text: 'melden' }, 2));
    const done = await send(
      reporter,
      {
        value: cardSubmit(submissionId, { confidentiality: 'confidential' }),
        attachments: [teamsFile('plattegrond.png', files.url('plattegrond.png'), 'png'), teamsFile('brief.pdf', files.url('brief.pdf'), 'pdf')],
      },
      2,
    );
    expect(textsOf(done)).toMatch(/De 2 bijlagen zijn versleuteld/);
    const { id, attachments } = await detailOf(referenceIn(done)!);
    expect(attachments.map((a) => [a.name, a.contentType])).toEqual([['plattegrond.png', 'image/png'], ['brief.pdf', 'application/pdf']]);
    const png = (await download(id, attachments[0]!.id)).bytes;
    expect(png.includes(textMarker)).toBe(false);
    expect(png.includes('tIME')).toBe(false);
    expect(png.includes('IDAT')).toBe(true);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
    expect((await download(id, attachments[1]!.id)).bytes.equals(pdfWith(pdfMarker))).toBe(true);
    expect(filesContaining(instance.dataDir, pdfMarker)).toEqual([]);
  });

  it.each([
    { name: 'programma.exe', bytes: () => exeWith(marker()), message: /niet aanneem[\s\S]*Toegestaan zijn: JPEG, PNG, PDF/ },
    { name: 'groot.pdf', bytes: () => Buffer.concat([pdfWith(marker()), Buffer.alloc(10 * 1024 * 1024)]), message: /groter dan 10 MB/ },
  ])('refuses $name with a clear message and stores nothing of it', async ({ name, bytes, message }) => {
    files.serve(name, bytes());
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 2), HENGELO);
    await send(reporter, { text: 'stop' });
    const submissionId = submissionIdIn(await send(reporter, { text: 'melden' }, 2));
    expect(textsOf(await send(reporter, { attachments: [teamsFile(name, files.url(name), name.split('.')[1]!)] }))).toMatch(message);
    const rowsBefore = attachmentRows();
    const done = await send(reporter, { value: cardSubmit(submissionId) });
    expect((await detailOf(referenceIn(done)!)).attachments).toEqual([]);
    expect(attachmentRows()).toBe(rowsBefore);
  });

  it('refuses files with an anonymous report, says why, and stores none of them', async () => {
    const secret = marker();
    files.serve('anoniem.pdf', pdfWith(secret));
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 3), HENGELO);
    const submissionId = submissionIdIn(await send(reporter, { text: 'melden' }, 2));
    const rowsBefore = attachmentRows();
    const done = await send(
      reporter,
      { value: cardSubmit(submissionId, { confidentiality: 'anonymous' }), attachments: [teamsFile('anoniem.pdf', files.url('anoniem.pdf'), 'pdf')] },
      2,
    );
    expect(textsOf(done)).toMatch(/anonieme melding neem ik geen bijlagen aan[\s\S]*eigen OneDrive/);
    expect(referenceIn(done)).toBeDefined();
    expect((await detailOf(referenceIn(done)!)).attachments).toEqual([]);
    expect(attachmentRows()).toBe(rowsBefore);
  });
});
