import { randomBytes } from 'node:crypto';
import { TestAdapter, type Activity } from 'botbuilder';
import type { Person } from '@weerbaar/shared';
import { loadPseudonymisers } from '../../src/crypto/pseudonym.js';
import { AdjustableClock } from '../../src/auth/adjustable-clock.js';
import { loadConfig } from '../../src/config/config.js';
import { SeededDirectory } from '../../src/directory/seeded-directory.js';
import { composeSignalIntake } from '../../src/intake/compose-signal-intake.js';
import { createLogger } from '../../src/logging.js';
import { seedOrganisation } from '../../src/seed/seed-organisation.js';
import { openSqliteOrganisationStore, openSqliteServiceStore, type SqliteServiceStore } from '../../src/stores/sqlite/index.js';
import { createCloudAdapter } from '../../src/teams/adapter.js';
import type { SignalBot } from '../../src/teams/signal-bot.js';
import { personOf, seed, tenantOf } from '../support/instance-harness.js';
import { makeTempFolder } from './store-fixtures.js';

export const HENGELO = '0164';

export interface BotFixture {
  folder: string;
  store: SqliteServiceStore;
  clock: AdjustableClock;
  logLines: string[];
  parts: ReturnType<typeof composeSignalIntake>;
  chat(person: Person, options?: { locale?: string; tenantId?: string; conversationId?: string }): Chat;
  close(): Promise<void>;
}

/** The signal bot over real SQLite stores in a temp folder, driven by botbuilder's TestAdapter. */
export async function startBotFixture(options: { folder?: string; masterKey?: Buffer; codes?: string[] } = {}): Promise<BotFixture & { masterKey: Buffer }> {
  const codes = options.codes ?? [HENGELO];
  const folder = options.folder ?? makeTempFolder('weerbaar-bot-');
  const masterKey = options.masterKey ?? randomBytes(32);
  const clock = new AdjustableClock();
  const logLines: string[] = [];
  const config = loadConfig({ MODE: 'local', TENANT_ID: tenantOf(codes[0]!), MUNICIPALITY_CODES: codes.join(','), DATA_DIR: folder, PUBLIC_BASE_URL: 'http://localhost:3985' });
  const logger = createLogger({ level: 'trace', instanceId: 'test', destination: { write: (line: string) => void logLines.push(line) } });
  const store = await openSqliteServiceStore({ file: `${folder}/service.db`, masterKey, now: () => clock.now() });
  const organisation = await openSqliteOrganisationStore({ file: `${folder}/organisation.db` });
  await seedOrganisation(organisation, codes, seed.people, clock.now());
  const directory = new SeededDirectory(seed.people, organisation);
  const parts = composeSignalIntake({
    config,
    store,
    directory,
    clock,
    pseudonyms: await loadPseudonymisers(store.dataKeys),
    logger,
    municipalities: seed.municipalities,
    adapter: createCloudAdapter(config, logger),
    installer: null,
  });
  return {
    folder,
    masterKey,
    store,
    clock,
    logLines,
    parts,
    chat: (person, chatOptions = {}) => new Chat(parts.bot, person, { tenantId: tenantOf(codes[0]!), ...chatOptions }),
    async close() {
      await store.close();
      await organisation.close?.();
    },
  };
}

export { personOf };

/** One personal chat between a person and the bot. */
export class Chat {
  readonly adapter: TestAdapter;

  constructor(
    bot: SignalBot,
    readonly person: Person,
    options: { locale?: string; tenantId?: string; conversationId?: string },
  ) {
    const tenantId = options.tenantId ?? tenantOf(HENGELO);
    this.adapter = new TestAdapter(async (context) => bot.run(context), {
      channelId: 'msteams',
      locale: options.locale ?? 'nl-NL',
      channelData: { tenant: { id: tenantId } },
      from: { id: `29:${randomBytes(8).toString('hex')}`, aadObjectId: person.objectId, name: person.displayName },
      recipient: { id: '28:weerbaar-bot', name: 'Meldpunt' },
      conversation: { id: options.conversationId ?? `a:${randomBytes(12).toString('hex')}`, isGroup: false, tenantId, conversationType: 'personal' } as Activity['conversation'],
    } as Partial<Activity>);
  }

  /** Sends an activity and returns the bot's replies to it. */
  async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity(activity);
    return this.adapter.activeQueue.splice(0);
  }

  say(text: string, id?: string): Promise<Partial<Activity>[]> {
    return this.send({ type: 'message', text, ...(id ? { id } : {}) });
  }

  submitCard(value: Record<string, unknown>, id?: string): Promise<Partial<Activity>[]> {
    return this.send({ type: 'message', value, ...(id ? { id } : {}) });
  }
}

/** The texts of replies (cards contribute nothing). */
export function texts(replies: Partial<Activity>[]): string[] {
  return replies.map((r) => r.text ?? '').filter((t) => t !== '');
}

/** The Adaptive Card among the replies, if any. */
export function cardOf(replies: Partial<Activity>[]): Record<string, unknown> | undefined {
  for (const reply of replies) {
    const attachment = reply.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    if (attachment) return attachment.content as Record<string, unknown>;
  }
  return undefined;
}

/** Input values prefilled in a card, by input id. */
export function prefilled(card: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const visit = (element: unknown): void => {
    if (typeof element !== 'object' || element === null) return;
    const record = element as Record<string, unknown>;
    if (typeof record['id'] === 'string' && String(record['type']).startsWith('Input.') && 'value' in record) values[record['id']] = record['value'];
    for (const child of [...((record['body'] as unknown[]) ?? []), ...((record['items'] as unknown[]) ?? [])]) visit(child);
  };
  visit(card);
  return values;
}

/** The submissionId the card's Action.Submit carries. */
export function submissionIdOf(card: Record<string, unknown>): string {
  const actions = card['actions'] as { data?: { submissionId?: string } }[];
  const id = actions[0]?.data?.submissionId;
  if (!id) throw new Error('card without submissionId');
  return id;
}

/** Every TextBlock text of a card, in order. */
export function cardTexts(card: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (element: unknown): void => {
    if (typeof element !== 'object' || element === null) return;
    const record = element as Record<string, unknown>;
    if (record['type'] === 'TextBlock' && typeof record['text'] === 'string') found.push(record['text']);
    for (const child of [...((record['body'] as unknown[]) ?? []), ...((record['items'] as unknown[]) ?? [])]) visit(child);
  };
  visit(card);
  return found;
}
