import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChannel, type FakeChannel } from './support/fake-channel.js';
import { api, personOf, startTestInstance } from './support/instance-harness.js';
import { TeamsUser, cardSubmit, submissionIdIn } from './support/teams-user.js';
import { testMasterKey } from './helpers/store-fixtures.js';

const HENGELO = '0164';
const base64 = (key: Buffer) => key.toString('base64');

async function logged(lines: string[], needle: string): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (!lines.some((line) => line.includes(needle)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return lines.some((line) => line.includes(needle));
}

describe('rotating the master key of a running instance (three restarts)', () => {
  let dataDir: string;
  let channel: FakeChannel;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-rotation-'));
    channel = await startFakeChannel();
  });
  afterAll(async () => {
    await channel?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: an open report card still submits, and the MT contact is told in Teams and reads it', async () => {
    const [oldKey, newKey] = [testMasterKey(), testMasterKey()];
    const start = (env: Record<string, string>, logLines?: string[]) => startTestInstance({ codes: [HENGELO], dataDir, env, ...(logLines ? { logLines } : {}) });
    const mtPerson = personOf(HENGELO, 'mt-contact');
    const reporterPerson = personOf(HENGELO, 'employee', 2);

    // Under the old key: both install the app, the employee opens the report card.
    let instance = await start({ WEERBAAR_DATA_KEY: base64(oldKey) });
    await new TeamsUser(instance, channel, mtPerson, HENGELO).install();
    const reporterBefore = new TeamsUser(instance, channel, reporterPerson, HENGELO);
    await reporterBefore.install();
    const submissionId = submissionIdIn(await reporterBefore.send({ text: 'melden' }, 2));
    await instance.close();

    // The rotation: new key current, old key accepted; the instance re-wraps in the background.
    const logLines: string[] = [];
    instance = await start({ WEERBAAR_DATA_KEY: base64(newKey), WEERBAAR_DATA_KEY_PREVIOUS: base64(oldKey) }, logLines);
    expect(await logged(logLines, 'WEERBAAR_DATA_KEY_PREVIOUS can be removed')).toBe(true);
    const done = logLines.map((line) => JSON.parse(line) as { msg: string; rewrapped?: number; unreadable?: number }).find((line) => line.msg.includes('can be removed'));
    expect(done?.rewrapped).toBeGreaterThan(0);
    expect(done?.unreadable).toBe(0);
    await instance.close();

    // Going back to the old key alone is refused with a message that says what to do.
    await expect(start({ WEERBAAR_DATA_KEY: base64(oldKey) })).rejects.toThrow(/not the master key that wrapped them[\s\S]*WEERBAAR_DATA_KEY_PREVIOUS/);

    // The new key alone: the card opened before the rotation submits, and the routing reaches the MT contact.
    instance = await start({ WEERBAAR_DATA_KEY: base64(newKey) });
    try {
      const reporter = new TeamsUser(instance, channel, reporterPerson, HENGELO);
      const [confirmation] = await reporter.send({ value: cardSubmit(submissionId) });
      const reference = /kenmerk \*\*(HGL-\d{4}-\d{4})\*\*/.exec(confirmation?.body.text ?? '')?.[1];
      expect(reference, confirmation?.body.text).toBeDefined();
      const mtContact = new TeamsUser(instance, channel, mtPerson, HENGELO);
      await mtContact.waitFor(() => mtContact.mentioning(reference!).length > 0);
      expect(mtContact.mentioning(reference!)).not.toEqual([]);

      const token = await instance.login(mtPerson.upn);
      const list = await api(instance.baseUrl, '/api/signals', { token });
      const summary = (list.body.items as { id: string; reference: string }[]).find((item) => item.reference === reference);
      const read = await api(instance.baseUrl, `/api/signals/${summary?.id}`, { token });
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).toContain('kanarie-omschrijving');
    } finally {
      await instance.close();
    }
  });
});
