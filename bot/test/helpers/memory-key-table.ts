import type { WrappedKeyTable } from '../../src/crypto/envelope-key-store.js';

/** Wrapped keys in a map, with the insert-if-absent rule of the real tables. */
export class MemoryKeyTable implements WrappedKeyTable {
  readonly rows = new Map<string, Uint8Array>();
  async get(keyId: string) {
    return this.rows.get(keyId);
  }
  async put(keyId: string, wrapped: Uint8Array) {
    if (!this.rows.has(keyId)) this.rows.set(keyId, wrapped);
    return this.rows.get(keyId) ?? wrapped;
  }
  async delete(keyId: string) {
    this.rows.delete(keyId);
  }
}
