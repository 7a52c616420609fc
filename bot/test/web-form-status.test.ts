import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, personOf, startTestInstance, type TestInstance } from './support/instance-harness.js';
import { freshSubmissionId, getPage, postPage, receiptCodeOf, referenceOf, validReport } from './support/web-form-client.js';

/** /melden/status: the receipt code as the only key to a report's status and messages. */
describe('anonymous web form: /melden/status', () => {
  let hengelo: TestInstance;
  let code: string;
  let reference: string;

  beforeAll(async () => {
    hengelo = await startTestInstance({ codes: ['0164'] });
    const page = await postPage(hengelo.baseUrl, '/melden', validReport(await freshSubmissionId(hengelo.baseUrl)));
    code = receiptCodeOf(page.html)!;
    reference = referenceOf(page.html)!;
    expect(code).toBeDefined();
  });
  afterAll(async () => hengelo?.close());

  const neutral = 'Bij deze code vinden we geen melding. Controleer of je de code goed hebt overgenomen en probeer het opnieuw.';
  const messages = (html: string) => [...html.matchAll(/<li class="message message-(\w+)">[\s\S]*?<p class="message-text">([^<]*)<\/p>/g)].map((m) => [m[1], m[2]]);

  it('shows status and messages for the receipt code, as typed or tidied up', async () => {
    for (const typed of [code, ` ${code.toLowerCase().replace(/-/g, '')} `]) {
      const page = await postPage(hengelo.baseUrl, '/melden/status', { code: typed });
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toBeNull();
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.html).toContain(`<dd class="reference">${reference}</dd>`);
      expect(page.html).toContain('<dd class="status-label">Ontvangen</dd>');
      expect(page.html).toContain('Er zijn nog geen berichten.');
      expect(page.html).toMatch(/<form method="post" action="\/melden\/status\/antwoord\?lang=nl"/);
    }
    const english = await postPage(hengelo.baseUrl, '/melden/status?lang=en', { code });
    expect(english.html).toContain('<dd class="status-label">Received</dd>');
  });

  it('never reads the code from the URL', async () => {
    const page = await getPage(hengelo.baseUrl, `/melden/status?code=${encodeURIComponent(code)}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain(reference);
    expect(page.html).toContain('value=""');
    expect(page.html).toMatch(/<form method="post" action="\/melden\/status\?lang=nl"/);
  });

  it('answers every wrong code with the same neutral error', async () => {
    const wrongSecret = `${code.slice(0, 10)}${code.slice(10).replace(/[0-9A-Z]/g, (c) => (c === '2' ? '3' : '2'))}`;
    const wrongCodes = [wrongSecret, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', 'niet-een-code'];
    const bodies: string[] = [];
    for (const wrong of wrongCodes) {
      const page = await postPage(hengelo.baseUrl, '/melden/status', { code: wrong });
      expect(page.status).toBe(400);
      expect(page.html).toContain(neutral);
      expect(page.html).not.toContain(reference);
      bodies.push(page.html.replace(`value="${wrong}"`, 'value=""'));
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it('stores an answer from the reporter once, also when the form is posted twice', async () => {
    const statusPage = await postPage(hengelo.baseUrl, '/melden/status', { code });
    const replyId = /name="replyId" value="([^"]+)"/.exec(statusPage.html)?.[1];
    expect(replyId).toBeDefined();
    const reply = { code, replyId: replyId!, reply: 'Het busje staat er ook op zondag.\r\nKenteken weet ik niet.' };
    const first = await postPage(hengelo.baseUrl, '/melden/status/antwoord', reply);
    expect(first.status).toBe(200);
    expect(first.html).toContain('Je antwoord is verstuurd.');
    const second = await postPage(hengelo.baseUrl, '/melden/status/antwoord', reply);
    expect(second.status).toBe(200);
    expect(messages(second.html)).toEqual([['reporter', 'Het busje staat er ook op zondag.\nKenteken weet ik niet.']]);
  });

  it('keeps a refused answer and refuses an answer with a wrong code', async () => {
    const statusPage = await postPage(hengelo.baseUrl, '/melden/status', { code });
    const replyId = /name="replyId" value="([^"]+)"/.exec(statusPage.html)![1]!;
    const tooLong = 'x'.repeat(4001);
    const refused = await postPage(hengelo.baseUrl, '/melden/status/antwoord', { code, replyId, reply: tooLong });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Dit is te lang. Gebruik maximaal 4000 tekens. Je hebt er nu 4001.');
    expect(refused.html).toContain(`\n${tooLong}</textarea>`);

    const wrong = await postPage(hengelo.baseUrl, '/melden/status/antwoord', { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', replyId, reply: 'Hallo' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain(neutral);
    const after = await postPage(hengelo.baseUrl, '/melden/status', { code });
    expect(messages(after.html).map(([, text]) => text)).not.toContain('Hallo');
  });

  it('shows the MT contact\'s question and status, and the dashboard sees the answer', async () => {
    const token = await hengelo.login(personOf('0164', 'mt-contact').upn);
    const list = await api(hengelo.baseUrl, '/api/signals', { token });
    const items = (list.body as unknown as { items: { id: string; reference: string }[] }).items;
    const id = items.find((s) => s.reference === reference)!.id;
    const act = async (body: unknown) => {
      const current = await api(hengelo.baseUrl, `/api/signals/${id}`, { token });
      const res = await api(hengelo.baseUrl, `/api/signals/${id}/actions`, { method: 'POST', token, body, headers: { 'if-match': current.headers.get('etag')! } });
      expect(res.status).toBe(200);
      return res;
    };
    await act({ type: 'acknowledge' });
    await act({ type: 'message', text: 'Dank je. Weet je ook <welk> huisnummer?' });

    const page = await postPage(hengelo.baseUrl, '/melden/status', { code });
    expect(page.html).toContain('<dd class="status-label">Ontvangst bevestigd</dd>');
    expect(messages(page.html).at(-1)).toEqual(['handler', 'Dank je. Weet je ook &lt;welk&gt; huisnummer?']);
    expect(page.html).toContain('Behandelaar van de gemeente');

    const detail = await api(hengelo.baseUrl, `/api/signals/${id}`, { token });
    const timeline = (detail.body as unknown as { timeline: { kind: string; text?: string }[] }).timeline;
    expect(timeline.filter((e) => e.kind === 'message-from-reporter').map((e) => e.text)).toEqual(['Het busje staat er ook op zondag.\nKenteken weet ik niet.']);
  });
});
