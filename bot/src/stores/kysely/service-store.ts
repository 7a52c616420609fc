import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServiceStore } from '@weerbaar/shared';
import { KyselyAgendaLedgerRepository } from './agenda-ledger-repository.js';
import { KyselySignalAttachmentRepository } from './attachment-repository.js';
import { KyselyAuditLog } from './audit-repository.js';
import type { RepositoryContext } from './context.js';
import { KyselyConversationReferenceRepository } from './conversation-repository.js';
import type { Database, SqlDialectName } from './database.js';
import { KyselyDialogStateRepository } from './dialog-state-repository.js';
import { KyselyIdempotencyRepository } from './idempotency-repository.js';
import { KyselyLearningBandRepository } from './learning-band-repository.js';
import { KyselyLeaseRepository } from './lease-repository.js';
import { KyselyOutboxRepository } from './outbox-repository.js';
import { KyselyReceiptCodeRepository } from './receipt-code-repository.js';
import { KyselyRoundRepository } from './round-repository.js';
import { KyselySignalRepository } from './signal-repository.js';
import { KyselySignalTimelineRepository } from './timeline-repository.js';
import type { KeyStoreFor } from './wrapped-key-table.js';

export interface KyselyServiceStoreOptions {
  db: Kysely<Database>;
  dialect: SqlDialectName;
  keysFor: KeyStoreFor;
  now?: () => Date;
  newId?: () => string;
  afterShred?: () => Promise<void>;
  close: () => Promise<void>;
}

/** The ServiceStore port over any Kysely database that ran the service migrations. */
export function createKyselyServiceStore(options: KyselyServiceStoreOptions): ServiceStore {
  const ctx: RepositoryContext = {
    db: options.db,
    dialect: options.dialect,
    keysFor: options.keysFor,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };
  return {
    signals: new KyselySignalRepository(ctx, options.afterShred),
    timeline: new KyselySignalTimelineRepository(ctx),
    audit: new KyselyAuditLog(ctx.db),
    outbox: new KyselyOutboxRepository(ctx),
    idempotency: new KyselyIdempotencyRepository(ctx.db),
    conversations: new KyselyConversationReferenceRepository(ctx),
    dialogState: new KyselyDialogStateRepository(ctx),
    leases: new KyselyLeaseRepository(ctx.db),
    receiptCodes: new KyselyReceiptCodeRepository(ctx.db),
    rounds: new KyselyRoundRepository(ctx.db),
    learningBands: new KyselyLearningBandRepository(ctx.db),
    agenda: new KyselyAgendaLedgerRepository(ctx.db),
    attachments: new KyselySignalAttachmentRepository(ctx),
    close: options.close,
  };
}
