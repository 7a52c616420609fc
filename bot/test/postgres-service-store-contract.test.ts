import { afterAll, beforeAll } from 'vitest';
import { describeServiceStoreContract, type ServiceStoreFixture } from '../../shared/test/contracts/service-store.contract.js';
import { openPostgresServiceStore } from '../src/stores/postgres/index.js';
import { testMasterKey } from './helpers/store-fixtures.js';
import { postgresStorageContaining, startTestPostgres, type TestPostgres } from './support/postgres.js';

let server: TestPostgres;
/**
 * Migrated once; each test starts from emptied tables (resetDatabase). The contract runs in
 * the production layout, keys in a separate database; the `weerbaar_keys` schema layout is
 * covered in postgres-service-store.test.ts.
 */
const databases = { data: '', keys: '' };

beforeAll(async () => {
  server = await startTestPostgres();
  databases.data = await server.createDatabase('data');
  databases.keys = await server.createDatabase('keys');
  const masterKey = testMasterKey();
  await (await openPostgresServiceStore({ connectionString: databases.data, keyDatabase: databases.keys, masterKey })).close();
});
afterAll(async () => {
  await server?.stop();
});

async function fixture(): Promise<ServiceStoreFixture> {
  const { data: dataUrl, keys: keyUrl } = databases;
  await server.resetDatabase(dataUrl);
  await server.resetDatabase(keyUrl);
  const masterKey = testMasterKey();
  const createdAt = Date.now();
  const tamper = { update: "UPDATE audit_events SET actor = 'iemand-anders' WHERE id = $1", delete: 'DELETE FROM audit_events WHERE id = $1' };
  return {
    open: () =>
      openPostgresServiceStore({
        connectionString: dataUrl,
        keyDatabase: keyUrl,
        masterKey,
        poolSettings: { max: 4 },
      }),
    async tamperWithAudit(statement, auditId) {
      await server.query(dataUrl, tamper[statement], [auditId]);
    },
    rawStorageContaining: (needles) => postgresStorageContaining(server, [dataUrl, keyUrl], needles, createdAt),
    concurrentTransactionsInOneProcess: true,
    // The next test empties the tables it needs; the server goes at the end of the file.
    cleanup: async () => {},
  };
}

describeServiceStoreContract('PostgreSQL, keys in a separate database (KEY_DATABASE_URL)', fixture);
