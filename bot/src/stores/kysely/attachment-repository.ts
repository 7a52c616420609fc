import type { Selectable } from 'kysely';
import {
  NotFoundError,
  type KeyStore,
  type NewSignalAttachment,
  type SignalAttachmentInfo,
  type SignalAttachmentRepository,
} from '@weerbaar/shared';
import type { RepositoryContext } from './context.js';
import { toBuffer, type SignalAttachmentsTable } from './database.js';
import { signalKeyId } from './wrapped-key-table.js';

/**
 * Photos and documents of a signal, sealed under the signal's own data key (the key
 * store seals text, so the bytes travel as base64). Shredding the signal deletes these
 * rows and destroys the key in one transaction (see KyselySignalRepository.shred).
 */
export class KyselySignalAttachmentRepository implements SignalAttachmentRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async addAll(signalId: string, files: readonly NewSignalAttachment[], at: string): Promise<SignalAttachmentInfo[]> {
    const keys = this.ctx.keysFor(this.ctx.db);
    // Sealing would create a fresh key for a shredded or unknown signal; refuse first.
    if (!(await keys.has(signalKeyId(signalId)))) throw new NotFoundError('Signaal niet gevonden (signal not found)');
    const rows = await Promise.all(
      files.map(async (file, position): Promise<SignalAttachmentsTable> => ({
        id: this.ctx.newId(),
        signal_id: signalId,
        position,
        sealed_name: toBuffer(await keys.seal(signalKeyId(signalId), file.name)),
        content_type: file.contentType,
        size: file.bytes.byteLength,
        sealed_bytes: toBuffer(await keys.seal(signalKeyId(signalId), Buffer.from(file.bytes).toString('base64'))),
        created_at: at,
      })),
    );
    await this.ctx.db.transaction().execute(async (trx) => {
      const signal = await trx.selectFrom('signals').select('id').where('id', '=', signalId).executeTakeFirst();
      if (!signal) throw new NotFoundError('Signaal niet gevonden (signal not found)');
      for (const row of rows) {
        await trx
          .insertInto('signal_attachments')
          .values(row)
          .onConflict((oc) => oc.columns(['signal_id', 'position']).doNothing())
          .execute();
      }
    });
    return this.list(signalId);
  }

  async list(signalId: string): Promise<SignalAttachmentInfo[]> {
    const rows = await this.ctx.db.selectFrom('signal_attachments').selectAll().where('signal_id', '=', signalId).orderBy('position').execute();
    const keys = this.ctx.keysFor(this.ctx.db);
    return Promise.all(rows.map((row) => infoFromRow(row, keys)));
  }

  async get(signalId: string, attachmentId: string): Promise<{ info: SignalAttachmentInfo; bytes: Uint8Array } | undefined> {
    const row = await this.ctx.db
      .selectFrom('signal_attachments')
      .selectAll()
      .where('signal_id', '=', signalId)
      .where('id', '=', attachmentId)
      .executeTakeFirst();
    if (!row) return undefined;
    const keys = this.ctx.keysFor(this.ctx.db);
    const base64 = await keys.open(signalKeyId(signalId), row.sealed_bytes);
    return { info: await infoFromRow(row, keys), bytes: Buffer.from(base64, 'base64') };
  }
}

async function infoFromRow(row: Selectable<SignalAttachmentsTable>, keys: KeyStore): Promise<SignalAttachmentInfo> {
  return {
    id: row.id,
    signalId: row.signal_id,
    name: await keys.open(signalKeyId(row.signal_id), row.sealed_name),
    contentType: row.content_type,
    size: Number(row.size),
    createdAt: row.created_at,
  };
}
