import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { mayCarryBotToken } from '../src/teams/attachments/bot-token.js';
import { collectFiles, fileReferencesOf } from '../src/teams/attachments/download-files.js';
import { fileHostPolicy } from '../src/teams/attachments/file-hosts.js';
import { pngWithText } from './helpers/attachment-files.js';

describe("the bot's token for inline images", () => {
  it.each([
    ['https://smba.trafficmanager.net/emea/v3/attachments/abc/views/original', true],
    ['https://eu-api.asm.skype.com/v1/objects/0-weu-d1/views/imgo', true],
    ['https://api.botframework.com/v3/attachments/x', true],
    ['http://smba.trafficmanager.net/emea/v3/attachments/abc', false],
    ['https://smba.trafficmanager.net.evil.example/x', false],
    ['https://contoso.sharepoint.com/personal/x/file.jpg', false],
    ['http://127.0.0.1:9/file.png', false],
    ['not a url', false],
  ])('%s may carry it: %s', (url, allowed) => {
    expect(mayCarryBotToken(url)).toBe(allowed);
  });

  it('is asked for only for inline images, and never sent to another host', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(pngWithText('geen-metadata'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inline.png`;
    let asked = 0;
    const references = fileReferencesOf({ attachments: [{ contentType: 'image/png', contentUrl: url, name: 'foto.png' }] }, async () => {
      asked++;
      return 'secret-bot-token';
    }, fileHostPolicy('local'));
    const collected = await collectFiles(references, 0);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(collected.accepted).toHaveLength(1);
    expect(asked).toBe(0);
    expect(seen[0]?.authorization).toBeUndefined();
  });
});
