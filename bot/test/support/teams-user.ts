import type { Person } from '@weerbaar/shared';
import { teamsActivity, type CapturedActivity, type FakeChannel } from './fake-channel.js';
import { tenantOf, type TestInstance } from './instance-harness.js';

/** The default personal conversation id the fake channel gives a person. */
export function conversationOf(person: Pick<Person, 'objectId'>): string {
  return `a:personal-${person.objectId}`;
}

/** Posts an activity to the instance's /api/messages, as the Teams channel does. */
export async function postActivity(instance: TestInstance, activity: object): Promise<number> {
  const res = await fetch(`${instance.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.arrayBuffer();
  return res.status;
}

/** A person in Teams, talking to one instance through the fake channel. */
export class TeamsUser {
  constructor(
    readonly instance: TestInstance,
    readonly channel: FakeChannel,
    readonly person: Person,
    readonly code: string,
    readonly locale = 'nl-NL',
  ) {}

  private activity(extra: Partial<Parameters<typeof teamsActivity>[0]>) {
    return teamsActivity({
      serviceUrl: this.channel.url,
      tenantId: tenantOf(this.code),
      objectId: this.person.objectId,
      name: this.person.displayName,
      locale: this.locale,
      ...extra,
    });
  }

  /** Installs the app (conversationUpdate with the bot added): the bot keeps the conversation. */
  async install(): Promise<void> {
    const before = this.received().length;
    await postActivity(this.instance, this.activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:weerbaar-twente-bot' }] }));
    await this.waitFor((all) => all.length > before);
  }

  /** Sends a message (text, or a card submit value) and returns the replies to it. */
  async send(message: { text?: string; value?: unknown; id?: string }, expectReplies = 1): Promise<CapturedActivity[]> {
    const before = this.received().length;
    const status = await postActivity(this.instance, this.activity(message));
    if (status >= 300) throw new Error(`bot answered ${status}`);
    if (expectReplies === 0) return [];
    return (await this.waitFor((all) => all.length >= before + expectReplies)).slice(before);
  }

  /** Everything the fake channel received for this person's conversation (replies and proactive messages). */
  received(): CapturedActivity[] {
    const conversation = conversationOf(this.person);
    return this.channel.received.filter((activity) => decodeURIComponent(activity.path).startsWith(`/v3/conversations/${conversation}/`));
  }

  /** Messages whose text contains `needle` (e.g. a signal reference in proactive notices). */
  mentioning(needle: string): CapturedActivity[] {
    return this.received().filter((activity) => activity.body.text?.includes(needle));
  }

  async waitFor(done: (all: CapturedActivity[]) => boolean, ms = 10_000): Promise<CapturedActivity[]> {
    const deadline = Date.now() + ms;
    while (!done(this.received()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    return this.received();
  }
}

export function cardIn(activities: CapturedActivity[]): Record<string, unknown> | undefined {
  for (const activity of activities) {
    const attachment = (activity.body.attachments as { contentType?: string; content?: Record<string, unknown> }[] | undefined)?.find(
      (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
    );
    if (attachment?.content) return attachment.content;
  }
  return undefined;
}

export function submissionIdIn(activities: CapturedActivity[]): string {
  const card = cardIn(activities);
  const id = (card?.['actions'] as { data?: { submissionId?: string } }[] | undefined)?.[0]?.data?.submissionId;
  if (!id) throw new Error('no intake card among the replies');
  return id;
}

export function cardSubmit(submissionId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'signal.submit',
    submissionId,
    category: 'witwassen',
    description: 'Een aanvrager betaalt de leges steeds contant met grote biljetten (kanarie-omschrijving).',
    location: 'Stadhuis, balie vergunningen',
    occurredOn: '2026-01-15',
    period: '',
    involved: '',
    noticedHow: '',
    concernsMtContact: 'false',
    confidentiality: 'named',
    ...overrides,
  };
}
