import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  path: string;
  body: { type?: string; text?: string; attachments?: unknown[]; locale?: string; id?: string };
}

/**
 * Plays the Teams channel's connector: the bot POSTs its replies to this server
 * (the activity's serviceUrl), which records them and answers like the connector does.
 */
export async function startFakeChannel(): Promise<{ url: string; received: CapturedActivity[]; close(): Promise<void>; waitFor(n: number, ms?: number): Promise<CapturedActivity[]> }> {
  const received: CapturedActivity[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: data ? JSON.parse(data) : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    async waitFor(n: number, ms = 5000) {
      const deadline = Date.now() + ms;
      while (received.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let activityCounter = 0;

export function teamsActivity(options: {
  serviceUrl: string;
  tenantId: string;
  objectId: string;
  text?: string;
  type?: string;
  locale?: string;
  membersAdded?: { id: string }[];
  value?: unknown;
  id?: string;
}) {
  const id = options.id ?? `activity-${Date.now()}-${++activityCounter}`;
  return {
    type: options.type ?? 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${options.objectId}`, aadObjectId: options.objectId, name: 'Test' },
    recipient: { id: '28:weerbaar-twente-bot', name: 'Meldpunt ondermijning' },
    conversation: { id: `a:personal-${options.objectId}`, conversationType: 'personal', tenantId: options.tenantId },
    channelData: { tenant: { id: options.tenantId } },
    locale: options.locale ?? 'nl-NL',
    text: options.text,
    value: options.value,
    membersAdded: options.membersAdded,
  };
}
