import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChannel, type FakeChannel } from './support/fake-channel.js';
import { personOf, startTestInstance, type TestInstance } from './support/instance-harness.js';
import { TeamsUser } from './support/teams-user.js';

describe('the privacy notice the bot links to', () => {
  let instance: TestInstance;
  let channel: FakeChannel;
  beforeAll(async () => {
    channel = await startFakeChannel();
    instance = await startTestInstance({ codes: ['0164'] });
  });
  afterAll(async () => {
    await instance?.close();
    await channel?.close();
  });

  it.each([
    { query: '', header: 'nl-NL', lang: 'nl', says: [/12 maanden nadat de melding is afgesloten/, /Anoniem: niets wat naar jou wijst/, /onder een pseudoniem/, /geen IP-adressen/, /antwoorden in de leermodule worden nergens bewaard/] },
    { query: '?lang=en', header: 'nl-NL', lang: 'en', says: [/until 12 months after the report is closed/, /Anonymous: nothing that points to you/, /answers in the learning module are not kept/] },
    { query: '', header: 'en-GB,en;q=0.9', lang: 'en', says: [/What we do not keep/] },
  ])('says what is stored and for how long ($lang)', async ({ query, header, lang, says }) => {
    const res = await fetch(`${instance.baseUrl}/privacy${query}`, { headers: { 'accept-language': header } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}">`);
    for (const pattern of says) expect(html).toMatch(pattern);
    expect(html).not.toMatch(/<script|<style|style=/);
  });

  it('is the link of the install greeting, which comes in Dutch or English', async () => {
    const dutch = new TeamsUser(instance, channel, personOf('0164', 'employee', 0), '0164');
    await dutch.install();
    expect(dutch.received()[0]?.body.text).toMatch(/^Hallo! Ik ben het meldpunt ondermijning[\s\S]*privacyverklaring: http:\/\/localhost:\d+\/privacy$/);
    const english = new TeamsUser(instance, channel, personOf('0164', 'employee', 1), '0164', 'en-US');
    await english.install();
    expect(english.received()[0]?.body.text).toMatch(/^Hello! I am your municipality's reporting point[\s\S]*privacy notice: http:\/\/localhost:\d+\/privacy$/);
  });
});
