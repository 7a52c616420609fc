import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describeServiceStoreContract } from '../../shared/test/contracts/service-store.contract.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { filesContaining, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';

describeServiceStoreContract('SQLite (data file and key file)', async () => {
  const folder = makeTempFolder();
  const file = path.join(folder, 'tenant-0164.db');
  const masterKey = testMasterKey();
  return {
    open: () => openSqliteServiceStore({ file, masterKey }),
    async tamperWithAudit(statement, auditId) {
      const raw = new BetterSqlite3(file);
      try {
        const sql = statement === 'update' ? "UPDATE audit_events SET actor = 'iemand-anders' WHERE id = ?" : 'DELETE FROM audit_events WHERE id = ?';
        raw.prepare(sql).run(auditId);
      } finally {
        raw.close();
      }
    },
    // Every file in the folder: data and key files, and their -wal files while open.
    rawStorageContaining: async (needles) => needles.map((needle) => filesContaining(folder, needle)),
    concurrentTransactionsInOneProcess: false,
    cleanup: async () => removeFolder(folder),
  };
});
