import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLearningDir, loadLearningContent } from '../src/learning/learning-content.js';
import { startFakeChannel } from './support/fake-channel.js';
import { personOf, startTestInstance } from './support/instance-harness.js';
import { LearningUser, textOf } from './support/learning-user.js';

const example = path.join(defaultLearningDir(), 'examples', 'lokaal-vakantiepark.json');
const exampleJson = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown> & { options: Record<string, unknown>[] };
const SECRET_TEXT = 'Geheime lokale tekst die nooit in een log mag staan';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A municipality's learning folder: one good scenario, and files that are wrong in one field each. */
function localFolder(root: string): string {
  const dir = path.join(root, 'learning');
  mkdirSync(dir, { recursive: true });
  copyFileSync(example, path.join(dir, '10-vakantiepark.json'));
  const [first, second] = exampleJson.options;
  writeFileSync(
    path.join(dir, '20-zonder-engels.json'),
    JSON.stringify({ ...exampleJson, id: 'lokaal-zonder-engels', situation: { nl: SECRET_TEXT }, options: [first, second] }),
  );
  writeFileSync(path.join(dir, '30-dubbel-id.json'), JSON.stringify({ ...exampleJson, id: 'schuur-afgeplakte-ramen' }));
  writeFileSync(path.join(dir, '40-kapot.json'), '{ "id": "half');
  writeFileSync(path.join(dir, '50-andere-gemeente.json'), JSON.stringify({ ...exampleJson, id: 'lokaal-elders', municipalityCodes: ['0153'] }));
  writeFileSync(path.join(dir, 'leesmij.txt'), 'geen scenario');
  return dir;
}

describe('a municipality’s own learning scenarios', () => {
  it('takes the good files and refuses each bad one naming the file and the field, logging no content', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-learning-local-'));
    folders.push(root);
    const warnings: unknown[] = [];
    const content = loadLearningContent({
      localDir: localFolder(root),
      municipalityCodes: ['0164'],
      logger: { info: () => undefined, warn: (entry: unknown) => void warnings.push(entry) },
    });
    expect(content.local.map((s) => s.id)).toEqual(['lokaal-vakantiepark']);
    expect(content.refused.map(({ file, field }) => ({ file, field }))).toEqual([
      { file: '20-zonder-engels.json', field: 'situation.en' },
      { file: '30-dubbel-id.json', field: 'id' },
      { file: '40-kapot.json', field: '(root)' },
      { file: '50-andere-gemeente.json', field: 'municipalityCodes' },
    ]);
    for (const refusal of content.refused) {
      expect(refusal.message).toContain(refusal.file);
      expect(refusal.message).toContain(refusal.field);
    }
    expect(warnings).toHaveLength(4);
    expect(JSON.stringify(warnings)).not.toContain(SECRET_TEXT);
    expect(warnings[0]).toEqual({ event: 'learning-local-refused', file: '20-zonder-engels.json', field: 'situation.en' });
  });

  it('the instance starts with the standard module plus the good local scenario, and logs the refusals without content', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-learning-instance-'));
    folders.push(dataDir);
    localFolder(path.join(dataDir, 'tenant-0164'));
    const logLines: string[] = [];
    const channel = await startFakeChannel();
    const instance = await startTestInstance({ codes: ['0164'], dataDir, logLines, logLevel: 'info' });
    try {
      const refusals = logLines.filter((line) => line.includes('learning-local-refused'));
      expect(refusals).toHaveLength(4);
      expect(refusals.join('\n')).toContain('20-zonder-engels.json');
      expect(logLines.join('\n')).not.toContain(SECRET_TEXT);
      const user = new LearningUser(instance, channel, personOf('0164', 'employee', 3), '0164', 'nl-NL');
      const opening = await user.say('leren', 3);
      expect(textOf(opening)).toContain('Vraag 1 van 9');
    } finally {
      await instance.close();
      await channel.close();
    }
  });
});
