import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  /** POST for a new activity, PUT for an update of an earlier one (a card updated in place). */
  method: string;
  path: string;
  /** The activity id the channel answered with (what a later update or reply-to names). */
  answeredId: string;
  body: { type?: string; text?: string; attachments?: unknown[]; locale?: string; id?: string };
}

/**
 * Plays the Teams channel's connector: the bot POSTs its replies to this server
 * (the activity's serviceUrl), which records them and answers like the connector does.
 */
export interface FakeChannel {
  url: string;
  received: CapturedActivity[];
  close(): Promise<void>;
  waitFor(n: number, ms?: number): Promise<CapturedActivity[]>;
  /** Answers every post into this conversation with `status` (e.g. 403: the user blocked the bot). */
  refuseConversation(conversationId: string, status: number): void;
}

export async function startFakeChannel(): Promise<FakeChannel> {
  const received: CapturedActivity[] = [];
  const refused = new Map<string, number>();
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      const conversation = /^\/v3\/conversations\/([^/]+)/.exec(path)?.[1];
      const status = conversation === undefined ? undefined : refused.get(decodeURIComponent(conversation));
      if (status !== undefined) {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'refused by the fake channel' } }));
        return;
      }
      const answeredId = `reply-${++counter}`;
      received.push({ method: req.method ?? 'POST', path, answeredId, body: data ? JSON.parse(data) : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: answeredId }));
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
    refuseConversation(conversationId: string, status: number) {
      refused.set(conversationId, status);
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
  /** Teams ids are opaque; the defaults derive them from the object id for readability. */
  conversationId?: string;
  fromId?: string;
  name?: string;
  membersRemoved?: { id: string }[];
}) {
  const id = options.id ?? `activity-${Date.now()}-${++activityCounter}`;
  return {
    type: options.type ?? 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: options.fromId ?? `29:${options.objectId}`, aadObjectId: options.objectId, name: options.name ?? 'Test' },
    recipient: { id: '28:weerbaar-twente-bot', name: 'Meldpunt ondermijning' },
    conversation: { id: options.conversationId ?? `a:personal-${options.objectId}`, conversationType: 'personal', tenantId: options.tenantId },
    channelData: { tenant: { id: options.tenantId } },
    locale: options.locale ?? 'nl-NL',
    text: options.text,
    value: options.value,
    membersAdded: options.membersAdded,
    membersRemoved: options.membersRemoved,
  };
}
