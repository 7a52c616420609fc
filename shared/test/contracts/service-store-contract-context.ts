import { afterEach, beforeEach } from 'vitest';
import type { Signal } from '../../src/domain/signal.js';
import type { NewOutboxMessage, ServiceStore } from '../../src/ports/service-store.js';
import { makeSignal as signalFixture } from '../signal-fixture.js';

export interface ServiceStoreFixture {
  /**
   * Opens the store under test. Every call opens its own connection(s) to the same data,
   * as a second service process would, so two opened stores model two processes.
   */
  open(): Promise<ServiceStore>;
  /** Changes or removes an audit row directly in the database, bypassing the store. */
  tamperWithAudit(statement: 'update' | 'delete', auditId: string): Promise<void>;
  /** For each needle: where in the raw storage (files, tables, columns) it occurs as UTF-8 bytes. */
  rawStorageContaining(needles: readonly string[]): Promise<string[][]>;
  /**
   * Whether two opened stores may run multi-statement transactions at the same moment
   * inside ONE process. SQLite cannot (its lock wait blocks the event loop the other
   * transaction needs), so there the race is run one after the other.
   */
  concurrentTransactionsInOneProcess: boolean;
  cleanup(): Promise<void>;
}

export const T0 = '2026-03-02T09:00:00.000Z';
export const T1 = '2026-03-02T09:01:00.000Z';
export const T2 = '2026-03-02T09:02:00.000Z';
export const T5 = '2026-03-02T09:05:00.000Z';
export const T10 = '2026-03-02T09:10:00.000Z';

/** What the contract's test groups share: the fixture of the running test and helpers. */
export interface ContractContext {
  fixture(): ServiceStoreFixture;
  /** Opens a store that is closed after the test. */
  open(): Promise<ServiceStore>;
  /** Two stores on the same data, as two processes. */
  two(): Promise<readonly [ServiceStore, ServiceStore]>;
  /** A Hengelo signal with its own id and reference. */
  makeSignal(overrides?: Partial<Signal>): Signal;
  /** Outbox message number `n` (its idempotency key depends on `n` only). */
  message(n: number): NewOutboxMessage;
}

/** Registers the per-test fixture (inside the caller's describe) and returns the helpers. */
export function createContractContext(makeFixture: () => Promise<ServiceStoreFixture>): ContractContext {
  let fixture: ServiceStoreFixture | undefined;
  const opened: ServiceStore[] = [];
  let serial = 0;
  const runTag = Math.random().toString(36).slice(2, 8);
  const current = () => {
    if (!fixture) throw new Error('no fixture: the contract helpers run inside a test');
    return fixture;
  };
  const open = async () => {
    const store = await current().open();
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    fixture = await makeFixture();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await fixture?.cleanup();
    fixture = undefined;
  });

  return {
    fixture: current,
    open,
    two: async () => [await open(), await open()] as const,
    makeSignal(overrides = {}) {
      serial += 1;
      return signalFixture({ id: `sig-${runTag}-${serial}`, reference: `HGL-2026-${runTag}-${serial}`, version: 1, ...overrides });
    },
    message: (n) => ({
      idempotencyKey: `signal:s-${n}:notify:mt-contact`,
      tenantId: 't-hengelo',
      municipalityCode: '0164',
      recipientObjectId: `oid-${n}`,
      conversationId: null,
      payload: { text: `Nieuw signaal ${n}`, kind: 'signal-received' },
      notBefore: T0,
    }),
  };
}
