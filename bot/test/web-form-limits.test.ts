import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging.js';
import { composeInstance } from '../src/instance.js';
import { DEFAULT_SUBMIT_LIMIT } from '../src/http/web-form/web-form-router.js';
import { seed, tenantOf } from './support/instance-harness.js';
import { fieldValue, freshSubmissionId, getPage, postPage, receiptCodeOf, validReport, type PageResponse } from './support/web-form-client.js';

/**
 * Rate limiting and the promise "no IP address logged or stored", on a real
 * Dinkelland + Tubbergen instance whose log is captured at the most verbose level.
 */
describe('anonymous web form: rate limit per municipality and no IP addresses', () => {
  const logLines: string[] = [];
  const responses: PageResponse[] = [];
  let baseUrl: string;
  let dataDir: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-web-form-'));
    const config = loadConfig({ MODE: 'local', TENANT_ID: tenantOf('1774'), MUNICIPALITY_CODES: '1774,0183', DATA_DIR: dataDir, LOG_LEVEL: 'trace' });
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = createLogger({ level: 'trace', instanceId: config.instanceId, destination });
    const service = await composeInstance(config, logger, seed);
    const server: Server = createServer(service.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => close?.());

  const post = async (fields: Record<string, string>) => {
    const page = await postPage(baseUrl, '/melden', fields);
    responses.push(page);
    return page;
  };

  it(`answers 429 after ${DEFAULT_SUBMIT_LIMIT.limit} posts for one municipality, but keeps taking reports for the other`, async () => {
    const submissionId = await freshSubmissionId(baseUrl);
    // Posts without a category: refused, yet counted, so a flood of junk is stopped too.
    const junk = validReport(submissionId, { municipality: '1774', category: '' });
    for (let i = 0; i < DEFAULT_SUBMIT_LIMIT.limit; i += 1) expect((await post(junk)).status).toBe(400);

    const limited = await post(validReport(submissionId, { municipality: '1774', description: 'Wat ik typte blijft staan na de 429.' }));
    expect(limited.status).toBe(429);
    expect(limited.html).toContain('Het is nu even te druk');
    expect(limited.html).toContain('0800-7000');
    expect(fieldValue(limited.html, 'description')).toBe('Wat ik typte blijft staan na de 429.');
    expect(receiptCodeOf(limited.html)).toBeUndefined();

    const other = await post(validReport(await freshSubmissionId(baseUrl), { municipality: '0183' }));
    expect(other.status).toBe(200);
    expect(receiptCodeOf(other.html)).toBeDefined();
  });

  it('keeps IP addresses out of every response and every log line', async () => {
    responses.push(await getPage(baseUrl, '/melden'));
    responses.push(await getPage(baseUrl, '/melden/status'));
    responses.push(await postPage(baseUrl, '/melden/status', { code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345' }));
    responses.push(await getPage(baseUrl, '/melden/toegankelijkheid'));
    responses.push(await getPage(baseUrl, '/melden/bestaat-niet'));
    const ip = /127\.0\.0\.1|::1\b|::ffff:|remoteAddress|"ip"/;
    for (const page of responses) {
      expect(page.html).not.toMatch(ip);
      expect(page.headers.get('set-cookie')).toBeNull();
    }
    const log = logLines.join('');
    expect(log).toMatch(/web form report received/); // the log is really captured
    expect(log).not.toMatch(ip);
    expect(log).not.toContain('Twaalf mensen'); // nor any report content
  });
});
