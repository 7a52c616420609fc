import type { Person } from '@weerbaar/shared';
import { teamsActivity, type CapturedActivity, type FakeChannel } from './fake-channel.js';
import { tenantOf, type TestInstance } from './instance-harness.js';
import { conversationOf, postActivity } from './teams-user.js';

export interface QuestionCard {
  scenarioId: string;
  options: { id: string; title: string }[];
  /** The id the test gave the card's activity; an answer names it as replyToId. */
  activityId: string;
  card: Record<string, unknown>;
}

function cardsIn(activities: readonly CapturedActivity[]): Record<string, unknown>[] {
  return activities.flatMap((activity) =>
    ((activity.body.attachments ?? []) as { contentType?: string; content?: Record<string, unknown> }[])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content)
      .map((a) => a.content as Record<string, unknown>),
  );
}

/** The question card among `activities`, if any (a card with an answer choice). */
export function questionIn(activities: readonly CapturedActivity[], activityId: string): QuestionCard | undefined {
  for (const card of cardsIn(activities)) {
    const body = (card['body'] ?? []) as { type?: string; id?: string; choices?: { title: string; value: string }[] }[];
    const choice = body.find((element) => element.type === 'Input.ChoiceSet' && element.id === 'answer');
    const actions = (card['actions'] ?? []) as { data?: { action?: string; scenarioId?: string } }[];
    const scenarioId = actions.find((a) => a.data?.action === 'learning.answer')?.data?.scenarioId;
    if (choice && scenarioId) return { scenarioId, options: (choice.choices ?? []).map((c) => ({ id: c.value, title: c.title })), activityId, card };
  }
  return undefined;
}

export function textOf(activities: readonly CapturedActivity[]): string {
  return activities.map((a) => `${a.body.text ?? ''}\n${JSON.stringify(a.body.attachments ?? [])}`).join('\n');
}

/**
 * A person taking the learning module in Teams, through the fake channel: types words,
 * presses card buttons (Action.Submit, with the pressed card as replyToId) and reads the
 * replies, including the in-place update of the pressed card (a PUT to its activity).
 */
export class LearningUser {
  private counter = 0;

  constructor(
    public instance: TestInstance,
    readonly channel: FakeChannel,
    readonly person: Person,
    readonly code: string,
    readonly locale: string,
  ) {}

  received(): CapturedActivity[] {
    const conversation = conversationOf(this.person);
    return this.channel.received.filter((a) => decodeURIComponent(a.path).startsWith(`/v3/conversations/${conversation}/`));
  }

  private async post(extra: { text?: string; value?: unknown; replyToId?: string; id?: string }, expected: number): Promise<CapturedActivity[]> {
    const before = this.received().length;
    const activity = {
      ...teamsActivity({
        serviceUrl: this.channel.url,
        tenantId: tenantOf(this.code),
        objectId: this.person.objectId,
        name: this.person.displayName,
        locale: this.locale,
        text: extra.text,
        value: extra.value,
        ...(extra.id ? { id: extra.id } : {}),
      }),
      ...(extra.replyToId ? { replyToId: extra.replyToId } : {}),
    };
    const status = await postActivity(this.instance, activity);
    if (status >= 300) throw new Error(`bot answered ${status}`);
    const deadline = Date.now() + 10_000;
    while (this.received().length < before + expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // A moment more, so an unexpected extra reply is seen by the assertions too.
    await new Promise((r) => setTimeout(r, 50));
    return this.received().slice(before);
  }

  say(text: string, expected: number): Promise<CapturedActivity[]> {
    return this.post({ text }, expected);
  }

  press(value: Record<string, unknown>, replyToId: string | undefined, expected: number, id?: string): Promise<CapturedActivity[]> {
    return this.post({ value, ...(replyToId ? { replyToId } : {}), ...(id ? { id } : {}) }, expected);
  }

  /** Names the question card in these replies with a fresh activity id (as Teams would). */
  question(replies: readonly CapturedActivity[]): QuestionCard | undefined {
    return questionIn(replies, `card-${this.person.objectId}-${++this.counter}`);
  }

  /** Answers `question` with option `optionId`; returns the replies (card update first, then what follows). */
  answer(question: QuestionCard, optionId: string, expected = 2, id?: string): Promise<CapturedActivity[]> {
    return this.press({ action: 'learning.answer', scenarioId: question.scenarioId, answer: optionId }, question.activityId, expected, id);
  }
}
