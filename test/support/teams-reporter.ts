import { startFakeChannel, teamsActivity, type CapturedActivity, type FakeChannel } from '../../bot/test/support/fake-channel.js';

export interface SeedPerson {
  upn: string;
  displayName: string;
  objectId: string;
  municipalityCode: string | null;
  roles: string[];
}

/** The Adaptive Card the bot sent in a reply, if any. */
function cardIn(activity: CapturedActivity): Record<string, unknown> | undefined {
  const attachments = (activity.body.attachments ?? []) as { contentType?: string; content?: unknown }[];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return card?.content as Record<string, unknown> | undefined;
}

/**
 * A person reporting through the real bot of a running instance: this plays the Teams channel (it posts
 * activities to /api/messages with the fake connector as serviceUrl) and reads what the bot sends back,
 * both the replies of a turn and later proactive messages such as the MT contact's question.
 */
export class TeamsReporter {
  private constructor(
    readonly channel: FakeChannel,
    private readonly instanceUrl: string,
    private readonly tenantId: string,
    readonly person: SeedPerson,
  ) {}

  static async start(instanceUrl: string, tenantId: string, person: SeedPerson): Promise<TeamsReporter> {
    return new TeamsReporter(await startFakeChannel(), instanceUrl, tenantId, person);
  }

  /** Everything the bot posted into this person's conversation so far. */
  received(): CapturedActivity[] {
    return this.channel.received;
  }

  async send(activity: { text?: string; value?: Record<string, unknown> }): Promise<CapturedActivity[]> {
    const before = this.channel.received.length;
    const body = teamsActivity({ serviceUrl: this.channel.url, tenantId: this.tenantId, objectId: this.person.objectId, name: this.person.displayName, ...activity });
    const response = await fetch(`${this.instanceUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST /api/messages answered ${response.status}`);
    // Replies of the turn arrive before the HTTP answer; the slice is what this turn produced.
    return this.channel.received.slice(before);
  }

  /** Opens the intake card with a first message and submits it; returns the reference the bot replied with. */
  async report(fields: Record<string, string>): Promise<string> {
    const opening = await this.send({ text: 'melden' });
    const card = opening.map(cardIn).find((c) => c !== undefined);
    const actions = (card?.['actions'] ?? []) as { data?: { submissionId?: string } }[];
    const submissionId = actions[0]?.data?.submissionId;
    if (!submissionId) throw new Error('the bot sent no intake card');
    const replies = await this.send({ value: { action: 'signal.submit', submissionId, ...fields } });
    const text = replies.map((r) => r.body.text ?? '').join('\n');
    const reference = /\*\*([A-Z]{3}-\d{4}-\d{4})\*\*/.exec(text)?.[1];
    if (!reference) throw new Error(`no reference in the bot's answer: ${text.slice(0, 200)}`);
    return reference;
  }

  /** Waits until the bot posts a message containing `text` (proactive messages go through the outbox). */
  async waitForText(text: string, timeoutMs = 20_000): Promise<CapturedActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.channel.received.find((a) => (a.body.text ?? '').includes(text) || JSON.stringify(a.body.attachments ?? []).includes(text));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the reporter never received "${text}"`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
