import { readdirSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeChannel } from './support/fake-channel.js';
import { personOf, startTestInstance } from './support/instance-harness.js';
import { TeamsUser, cardSubmit, submissionIdIn } from './support/teams-user.js';

const HENGELO = '0164';

/** Every file below `folder` (databases, WAL and shared-memory files, key files), as raw bytes. */
function allFiles(folder: string): { name: string; bytes: Buffer }[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? allFiles(full) : [{ name: path.relative(folder, full), bytes: readFileSync(full) }];
  });
}

function filesWith(folder: string, needle: string): string[] {
  const variants = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), Buffer.from(needle.toLowerCase(), 'utf8')];
  return allFiles(folder)
    .filter((file) => variants.some((v) => file.bytes.includes(v)))
    .map((file) => file.name);
}

describe('an anonymous report leaves no trace of the reporter', () => {
  it('neither the database files (WAL included) nor the logs hold the object id, upn or name', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-anonymous-'));
    const channel = await startFakeChannel();
    const logLines: string[] = [];
    const reporterPerson = personOf(HENGELO, 'employee', 4);
    const instance = await startTestInstance({ codes: [HENGELO], dataDir, logLines });
    let closed = false;
    try {
      const mtContact = new TeamsUser(instance, channel, personOf(HENGELO, 'mt-contact'), HENGELO);
      await mtContact.install();
      const reporter = new TeamsUser(instance, channel, reporterPerson, HENGELO);
      await reporter.install();
      await reporter.send({ text: 'help' });
      const submissionId = submissionIdIn(await reporter.send({ text: 'melden' }, 2));
      // A first try with a mistake, then the corrected card.
      await reporter.send({ value: cardSubmit(submissionId, { confidentiality: 'anonymous', description: 'kort' }) }, 2);
      const [confirmation] = await reporter.send({ value: cardSubmit(submissionId, { confidentiality: 'anonymous' }) });
      const reference = /kenmerk \*\*(HGL-\d{4}-\d{4})\*\*/.exec(confirmation?.body.text ?? '')?.[1];
      const code = /ontvangstcode: \*\*([0-9A-Z-]+)\*\*/.exec(confirmation?.body.text ?? '')?.[1];
      expect(reference).toBeDefined();
      expect(code).toBeDefined();
      await reporter.send({ text: `status ${code}` });
      await mtContact.waitFor(() => mtContact.mentioning(reference!).length > 0);

      // While running, recent writes sit in the -wal files: they are read too.
      const instanceDir = path.join(dataDir, 'tenant-0164');
      expect(allFiles(instanceDir).map((f) => f.name)).toEqual(expect.arrayContaining(['service.db', 'service.db-wal']));
      // Positive controls: the scan does see stored text (the reference, the MT contact as outbox recipient).
      expect(filesWith(instanceDir, reference!)).not.toEqual([]);
      expect(filesWith(instanceDir, mtContact.person.objectId)).not.toEqual([]);
      const secrets = [reporterPerson.objectId, reporterPerson.upn, reporterPerson.displayName, code!, code!.replace(/-/g, '')];
      for (const secret of secrets) expect(filesWith(dataDir, secret), secret).toEqual([]);
      await instance.close();
      closed = true;
      for (const secret of secrets) expect(filesWith(dataDir, secret), `${secret} after close`).toEqual([]);

      const logs = logLines.join('\n');
      expect(logs).toContain('signal-submitted');
      for (const secret of [...secrets, 'kanarie-omschrijving', 'Stadhuis']) expect(logs).not.toContain(secret);
    } finally {
      if (!closed) await instance.close();
      await channel.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
