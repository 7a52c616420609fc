import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_FILE_DOWNLOAD_INFO, collectFiles, fileReferencesOf } from '../src/teams/attachments/download-files.js';
import { fileHostPolicy, type FileHostPolicy } from '../src/teams/attachments/file-hosts.js';
import { pngWithText } from './helpers/attachment-files.js';

const fileAttachment = (downloadUrl: string) => ({ attachments: [{ contentType: TEAMS_FILE_DOWNLOAD_INFO, name: 'foto.png', content: { downloadUrl } }] });

describe('where the bot fetches files from', () => {
  it.each([
    ['https://contoso-my.sharepoint.com/personal/olga/_layouts/15/download.aspx?UniqueId=1', true, true],
    ['https://smba.trafficmanager.net/emea/v3/attachments/abc/views/original', true, true],
    ['https://eu-api.asm.skype.com/v1/objects/0-weu-d1/views/imgo', true, true],
    ['http://contoso-my.sharepoint.com/file.png', false, false],
    ['https://contoso.sharepoint.com.evil.example/file.png', false, false],
    ['https://user:pw@contoso-my.sharepoint.com/file.png', false, false],
    ['http://169.254.169.254/metadata/instance', false, false],
    ['https://intranet.gemeente.example/file.png', false, false],
    ['http://127.0.0.1:3978/file.png', false, true],
    ['http://localhost:56150/file.png', false, true],
    ['file:///etc/passwd', false, false],
  ])('%s: production %s, local %s', (url, production, local) => {
    expect(fileHostPolicy('production')(new URL(url))).toBe(production);
    expect(fileHostPolicy('local')(new URL(url))).toBe(local);
  });

  describe('over HTTP', () => {
    let allowed: Server;
    let elsewhere: Server;
    const hits = { allowed: 0, elsewhere: 0 };
    const port = (server: Server) => (server.address() as AddressInfo).port;
    const listen = async (server: Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // A policy that lets in one local server only, as production lets in only Microsoft 365.
    const onlyAllowed: FileHostPolicy = (url) => url.hostname === '127.0.0.1' && url.port === String(port(allowed));

    beforeAll(async () => {
      elsewhere = createServer((_req, res) => {
        hits.elsewhere += 1;
        res.writeHead(200, { 'content-type': 'image/png' }).end(pngWithText('elders'));
      });
      await listen(elsewhere);
      allowed = createServer((req, res) => {
        hits.allowed += 1;
        if (req.url === '/away') res.writeHead(302, { location: `http://127.0.0.1:${port(elsewhere)}/file.png` }).end();
        else if (req.url === '/hop') res.writeHead(302, { location: '/file.png' }).end();
        else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
        else res.writeHead(200, { 'content-type': 'image/png' }).end(pngWithText('hier'));
      });
      await listen(allowed);
    });
    afterAll(async () => {
      for (const server of [allowed, elsewhere]) await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('never calls a host outside the policy: the file is refused as not downloadable', async () => {
      const before = { ...hits };
      const collected = await collectFiles(fileReferencesOf(fileAttachment(`http://127.0.0.1:${port(elsewhere)}/file.png`), undefined, onlyAllowed), 0);
      expect(collected).toEqual({ accepted: [], problems: ['download-failed'] });
      expect(hits).toEqual(before);
    });

    it('follows a redirect on the allowed host, but not one to another host', async () => {
      const within = await collectFiles(fileReferencesOf(fileAttachment(`http://127.0.0.1:${port(allowed)}/hop`), undefined, onlyAllowed), 0);
      expect(within.accepted).toHaveLength(1);
      const before = hits.elsewhere;
      const away = await collectFiles(fileReferencesOf(fileAttachment(`http://127.0.0.1:${port(allowed)}/away`), undefined, onlyAllowed), 0);
      expect(away).toEqual({ accepted: [], problems: ['download-failed'] });
      expect(hits.elsewhere).toBe(before);
    });

    it('gives up on a redirect loop after a few hops', async () => {
      const before = hits.allowed;
      const loop = await collectFiles(fileReferencesOf(fileAttachment(`http://127.0.0.1:${port(allowed)}/loop`), undefined, onlyAllowed), 0);
      expect(loop).toEqual({ accepted: [], problems: ['download-failed'] });
      expect(hits.allowed - before).toBe(4);
    });

    it('uses the production hosts when no policy is given', async () => {
      const before = { ...hits };
      const collected = await collectFiles(fileReferencesOf(fileAttachment(`http://127.0.0.1:${port(allowed)}/file.png`)), 0);
      expect(collected.problems).toEqual(['download-failed']);
      expect(hits).toEqual(before);
    });
  });
});
