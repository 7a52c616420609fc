import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personOf, startTestInstance, tenantOf, type TestInstance } from './support/instance-harness.js';
import { startFakeChannel, teamsActivity } from './support/fake-channel.js';

const HENGELO = '0164';

describe('the bot at /api/messages (real CloudAdapter, acting as the Teams channel)', () => {
  let instance: TestInstance;
  let channel: Awaited<ReturnType<typeof startFakeChannel>>;

  beforeAll(async () => {
    instance = await startTestInstance({ codes: [HENGELO] });
    channel = await startFakeChannel();
  });
  afterAll(async () => {
    await instance?.close();
    await channel?.close();
  });

  const post = (activity: object) =>
    fetch(`${instance.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });

  it('greets in Dutch, says what it is for and links the privacy notice', async () => {
    const before = channel.received.length;
    const res = await post(teamsActivity({ serviceUrl: channel.url, tenantId: tenantOf(HENGELO), objectId: personOf(HENGELO, 'employee').objectId, text: 'hallo' }));
    expect(res.status).toBe(200);
    const replies = (await channel.waitFor(before + 1)).slice(before);
    expect(replies[0]?.path).toMatch(/^\/v3\/conversations\/.+\/activities\//);
    expect(replies[0]?.body.text).toMatch(/meldpunt ondermijning/i);
    expect(replies[0]?.body.text).toMatch(/privacy/i);
  });

  it('greets in English when the Teams locale is en-*', async () => {
    const before = channel.received.length;
    await post(teamsActivity({ serviceUrl: channel.url, tenantId: tenantOf(HENGELO), objectId: personOf(HENGELO, 'employee', 1).objectId, text: 'hi', locale: 'en-GB' }));
    const replies = (await channel.waitFor(before + 1)).slice(before);
    expect(replies[0]?.body.text).toMatch(/reporting point/i);
  });

  it('greets when the app is installed (members added)', async () => {
    const before = channel.received.length;
    await post(
      teamsActivity({
        serviceUrl: channel.url,
        tenantId: tenantOf(HENGELO),
        objectId: personOf(HENGELO, 'employee', 2).objectId,
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:weerbaar-twente-bot' }],
      }),
    );
    const replies = (await channel.waitFor(before + 1)).slice(before);
    expect(replies[0]?.body.text).toMatch(/meldpunt/i);
  });

  it('politely refuses an activity from a tenant it does not serve', async () => {
    const before = channel.received.length;
    await post(teamsActivity({ serviceUrl: channel.url, tenantId: tenantOf('0153'), objectId: personOf('0153', 'employee').objectId, text: 'melden' }));
    const replies = (await channel.waitFor(before + 1)).slice(before);
    expect(replies[0]?.body.text).toMatch(/andere organisatie/);
  });
});
